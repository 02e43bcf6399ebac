package io.quanyu.chatbot.api;

import io.quanyu.chatbot.messaging.ChatbotMetrics;
import io.quanyu.chatbot.messaging.Models;
import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.chatbot.store.FeedbackStore;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The chat API: a turn, feedback on an answer, a session's transcript for agents, and retraining on feedback. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "chat")
public class ChatResource {

    private final ChatService chat;
    private final FeedbackStore feedback;
    private final ConversationStore conversations;
    private final Models models;
    private final ChatbotMetrics metrics;

    public ChatResource(ChatService chat, FeedbackStore feedback, ConversationStore conversations, Models models, ChatbotMetrics metrics) {
        this.chat = chat;
        this.feedback = feedback;
        this.conversations = conversations;
        this.models = models;
        this.metrics = metrics;
    }

    @POST
    @Path("/chat")
    @Operation(summary = "Answer a chat turn", description = "Chinese or English. Orders are answered from the customer's purchase and "
            + "refund events, products from the catalog and the recommender, other questions from the FAQ; an angry customer, repeated "
            + "misunderstanding or a request hands off to a human (support.handoff.v1). Every turn goes to chat.transcripts.v1.")
    public Response chat(ChatRequest request) throws SQLException {
        try {
            return Response.ok(chat.handle(request)).build();
        } catch (Rejected r) {
            return r.response();
        }
    }

    @POST
    @Path("/chat/feedback")
    @Operation(summary = "Feedback on an answer", description = "Helpful or not, and the right intent when the bot got it wrong; "
            + "confirmed examples train the next intent model.")
    public Response feedback(FeedbackRequest request) throws SQLException {
        if (request == null || request.turnId() == null || request.helpful() == null) {
            return ApiError.response(Status.BAD_REQUEST, "invalid_request", "send turn_id and helpful (true or false)");
        }
        if (request.correctIntent() != null && !models.nlp().intents().model().labels().contains(request.correctIntent())) {
            return ApiError.response(Status.BAD_REQUEST, "unknown_intent", "correct_intent '" + request.correctIntent()
                    + "' is not one of " + models.nlp().intents().model().labels());
        }
        if (request.comment() != null && request.comment().length() > 2000) {
            return ApiError.response(Status.BAD_REQUEST, "comment_too_long", "comment has more than 2,000 characters");
        }
        if (!feedback.save(request.turnId(), request.helpful(), request.correctIntent(), request.comment())) {
            return ApiError.response(Status.NOT_FOUND, "not_found", "no turn '" + request.turnId() + "'");
        }
        metrics.feedback();
        return Response.accepted(Map.of("turn_id", request.turnId(), "status", "recorded")).build();
    }

    @GET
    @Path("/chat/sessions/{sessionId}/transcript")
    @Admin
    @Operation(summary = "A session's transcript (admin)", description = "For the agent who takes over; phone numbers are masked.")
    public Response transcript(@PathParam("sessionId") String sessionId) throws SQLException {
        return conversations.transcript(sessionId).map(lines -> Response.ok(Map.of("session_id", sessionId, "lines", lines)).build())
                .orElseGet(() -> ApiError.response(Status.NOT_FOUND, "not_found", "no session '" + sessionId + "'"));
    }

    @POST
    @Path("/models/retrain")
    @Consumes(MediaType.WILDCARD)
    @Admin
    @Operation(summary = "Retrain the intent model now (admin)", description = "On the seed utterances plus every example confirmed by feedback; "
            + "instances also do this by themselves when feedback changes.")
    public Response retrain() throws SQLException {
        int confirmed = models.retrain();
        return Response.ok(Map.of("examples", models.trainingExamples(), "confirmed_by_feedback", confirmed)).build();
    }
}
