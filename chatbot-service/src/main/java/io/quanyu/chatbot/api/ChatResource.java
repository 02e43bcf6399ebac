package io.quanyu.chatbot.api;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.messaging.ChatbotMetrics;
import io.quanyu.chatbot.messaging.Models;
import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.chatbot.store.FeedbackStore;
import io.quanyu.events.SupportHandoff;
import io.quanyu.support.Admin;
import io.quanyu.support.ApiError;
import io.quanyu.support.Caller;
import io.quanyu.support.CurrentCaller;
import io.quanyu.support.RateLimiter;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The chat API: a turn (a visitor's, or a signed-in customer's about their own orders), feedback on an answer (the
 * customer on their own turn, or the back office), customers' corrections awaiting confirmation and a session's
 * transcript and the hand-off queue for agents (reader), and retraining on confirmed feedback (admin).
 */
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
    private final CurrentCaller caller;
    private final RateLimiter feedbackLimit;

    public ChatResource(ChatService chat, FeedbackStore feedback, ConversationStore conversations, Models models, ChatbotMetrics metrics,
                        CurrentCaller caller, ChatbotConfig config) {
        this.chat = chat;
        this.feedback = feedback;
        this.conversations = conversations;
        this.models = models;
        this.metrics = metrics;
        this.caller = caller;
        this.feedbackLimit = new RateLimiter(config.feedbackBurst(), config.feedbackRefill(), 100_000);
    }

    @POST
    @Path("/chat")
    @Roles(value = Role.CUSTOMER, anonymous = true)
    @Operation(summary = "Answer a chat turn", description = "Chinese or English. A signed-in customer (customer token) is answered about "
            + "their own orders from their purchase and refund events; a visitor without a token is asked to sign in for those. Products "
            + "come from the catalog and the recommender, other questions from the FAQ; an angry customer, repeated misunderstanding or "
            + "a request hands off to a human (support.handoff.v1). Every turn goes to chat.transcripts.v1. The first turn (no "
            + "session_id) gets a new session_id from the server; later turns send it with the same credential.")
    public Response chat(ChatRequest request, @HeaderParam("Authorization") String authorization) throws SQLException {
        try {
            return Response.ok(chat.handle(request, caller.get(), authorization)).build();
        } catch (Rejected r) {
            return r.response();
        }
    }

    @POST
    @Path("/chat/feedback")
    @Roles({Role.CUSTOMER, Role.READER})
    @Operation(summary = "Feedback on an answer", description = "Helpful or not, and the right intent when the bot got it wrong. A "
            + "customer gives it on turns of their own sessions; the back office (reader, admin) on any. What the back office says "
            + "trains the next intent model, and so does a customer's 'helpful' (it confirms the recognised intent); a customer's "
            + "correction waits for the back office (GET /v1/chat/feedback/pending). Rate-limited per credential (429).")
    public Response feedback(FeedbackRequest request) throws SQLException {
        Caller who = caller.get();
        Optional<Duration> wait = feedbackLimit.acquire(who.identity());
        if (wait.isPresent()) {
            return Response.status(429).header("Retry-After", Math.max(1, wait.get().toSeconds()))
                    .entity(new ApiError("rate_limited", "too much feedback from this credential; try again in " + Math.max(1, wait.get().toSeconds()) + " s"))
                    .type(MediaType.APPLICATION_JSON).build();
        }
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
        String givenBy = who.customer() ? FeedbackStore.CUSTOMER : who.role().scheme();
        FeedbackStore.Saved saved = feedback.save(request.turnId(), request.helpful(), request.correctIntent(), request.comment(), givenBy,
                who.customer() ? who.userKey() : null);
        return switch (saved) {
            case NO_SUCH_TURN -> ApiError.response(Status.NOT_FOUND, "not_found", "no turn '" + request.turnId() + "'"
                    + (who.customer() ? " in your sessions" : ""));
            case ALREADY_CONFIRMED -> ApiError.response(Status.CONFLICT, "already_confirmed", "the back office has already given feedback on this turn");
            case RECORDED -> {
                metrics.feedback();
                boolean suggestion = who.customer() && request.correctIntent() != null;
                yield Response.accepted(Map.of("turn_id", request.turnId(), "status", suggestion ? "awaiting_confirmation" : "recorded")).build();
            }
        };
    }

    @GET
    @Path("/chat/feedback/pending")
    @Roles(Role.READER)
    @Operation(summary = "Customers' corrections awaiting confirmation (reader)", description = "Oldest first, with the text of the turn. "
            + "The back office confirms one by giving feedback on its turn (POST /v1/chat/feedback): only then does it train.")
    public Response pending(@QueryParam("limit") @DefaultValue("100") int limit) throws SQLException {
        if (limit < 1 || limit > 1000) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit must be 1-1000");
        }
        return Response.ok(Map.of("pending", feedback.pending(limit))).build();
    }

    @GET
    @Path("/chat/sessions/{sessionId}/transcript")
    @Roles(Role.READER)
    @Operation(summary = "A session's transcript (reader)", description = "For the agent who takes over; phone numbers are masked.")
    public Response transcript(@PathParam("sessionId") String sessionId) throws SQLException {
        return conversations.transcript(sessionId).map(lines -> Response.ok(Map.of("session_id", sessionId, "lines", lines)).build())
                .orElseGet(() -> ApiError.response(Status.NOT_FOUND, "not_found", "no session '" + sessionId + "'"));
    }

    @GET
    @Path("/handoffs")
    @Roles(Role.READER)
    @Operation(summary = "The hand-off queue (reader)", description = "The latest conversations handed to a human, newest first, each with its "
            + "reason, topic, sentiment and masked transcript, as published on support.handoff.v1; limit 1-500.")
    public Response handoffs(@QueryParam("limit") @DefaultValue("50") int limit) throws SQLException {
        if (limit < 1 || limit > 500) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit must be 1-500");
        }
        List<SupportHandoff> queue = conversations.recentHandoffs(limit);
        return Response.ok(Map.of("count", queue.size(), "handoffs", queue)).build();
    }

    @GET
    @Path("/chat/turns")
    @Roles(Role.READER)
    @Operation(summary = "A customer's chat turns and hand-offs (reader)", description = "Newest first, under any of the customer's keys "
            + "(repeat key=, e.g. key=u:42&key=a:dev-7, as profile lists them); texts as stored, phones masked; 1-50 keys, limit 1-200.")
    public Response customerTurns(@QueryParam("key") List<String> keys, @QueryParam("limit") @DefaultValue("20") int limit) throws SQLException {
        List<String> wanted = keys == null ? List.of() : keys.stream().filter(k -> k != null && !k.isBlank()).map(String::trim).distinct().toList();
        if (wanted.isEmpty() || wanted.size() > 50) {
            return ApiError.response(Status.BAD_REQUEST, "invalid_request", "key: name 1 to 50 of the customer's user keys (u:<id>, a:<id>)");
        }
        if (limit < 1 || limit > 200) {
            return ApiError.response(Status.BAD_REQUEST, "out_of_range", "limit must be 1-200");
        }
        return Response.ok(Map.of("turns", conversations.turnsOf(wanted, limit), "handoffs", conversations.handoffsOf(wanted, limit))).build();
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
