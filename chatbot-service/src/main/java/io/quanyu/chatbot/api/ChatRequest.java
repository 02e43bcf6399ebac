package io.quanyu.chatbot.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A customer's chat turn. */
@Schema(description = "A customer's chat turn")
public record ChatRequest(
        @JsonAlias("sessionId") @Schema(description = "Conversation id chosen by the client (letters, digits, '-', '_', ':', '.'; at most 128); a new one is made when absent")
        String sessionId,
        @JsonAlias("userId") @Schema(description = "The signed-in customer's user id; absent for an anonymous chat")
        String userId,
        @Schema(description = "web, app, miniprogram or store (default web)")
        String channel,
        @Schema(description = "What the customer wrote, Chinese or English; at most 20,000 characters", required = true)
        String text) {
}
