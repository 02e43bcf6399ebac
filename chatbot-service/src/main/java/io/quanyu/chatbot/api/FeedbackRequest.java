package io.quanyu.chatbot.api;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Feedback on one answer. */
@Schema(description = "Feedback on one answer")
public record FeedbackRequest(
        @JsonAlias("turnId") @Schema(description = "The turn_id of the answer", required = true) String turnId,
        @Schema(description = "Whether the answer helped", required = true) Boolean helpful,
        @JsonAlias("correctIntent") @Schema(description = "The intent the turn really had, when the bot got it wrong (one of the known intents)") String correctIntent,
        @Schema(description = "Free text, at most 2,000 characters") String comment) {
}
