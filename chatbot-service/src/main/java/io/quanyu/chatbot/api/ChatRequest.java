package io.quanyu.chatbot.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A chat turn; who is talking comes from the customer token, never from here. */
@Schema(description = "A chat turn. The customer is the one the customer token (Authorization: Bearer) names; without one, a visitor")
public record ChatRequest(
        @JsonAlias("sessionId") @Schema(description = "The session_id the server returned for the conversation's first turn; absent on a "
                + "first turn. A session continues only with the credential it began with (the same customer, or none): otherwise 404")
        String sessionId,
        @JsonAlias("userId") @Schema(description = "Refused with 400 user_id_not_accepted: the customer comes from the customer token", deprecated = true)
        String userId,
        @Schema(description = "web, app, miniprogram or store (default web)")
        String channel,
        @Schema(description = "What the customer wrote, Chinese or English; at most 20,000 characters", required = true)
        String text) {
}
