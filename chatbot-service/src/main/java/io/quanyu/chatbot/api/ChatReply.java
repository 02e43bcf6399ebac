package io.quanyu.chatbot.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The chatbot's answer to a turn, with what it understood. */
@Schema(description = "The chatbot's answer to a turn, with what it understood")
public record ChatReply(
        @Schema(description = "The conversation this turn belongs to (send it with the next turn)") String sessionId,
        @Schema(description = "This turn's id, for POST /v1/chat/feedback") String turnId,
        @Schema(description = "The answer to show the customer") String reply,
        @Schema(description = "Recognised intent, or out_of_scope") String intent,
        @Schema(description = "Calibrated confidence of the best intent, 0..1") double confidence,
        @Schema(description = "zh, en, mixed or other") String language,
        @Schema(description = "Entities found; spans are offsets in the text sent") List<EntityView> entities,
        @Schema(description = "Sentiment of the turn") SentimentView sentiment,
        @Schema(description = "Set when this turn handed the conversation to a human agent") HandoffView handoff,
        @Schema(description = "Quick replies to offer (order numbers, similar products, talk to an agent)") List<String> suggestions,
        @Schema(description = "What produced the reply: faq, order, product, smalltalk, slot, complaint, fallback or handoff") String answeredBy,
        @Schema(description = "True when only the first 2,000 characters were read") boolean truncated) {

    /** An entity: text is exactly text.substring(start, end) of the turn, except for phones, which are only shown masked. */
    @Schema(description = "An entity found in the turn")
    public record EntityView(@Schema(description = "ORDER_NUMBER, PRODUCT, SKU, DATE, QUANTITY or PHONE") String type,
                             @Schema(description = "The words as written (a phone number masked)") String text,
                             @Schema(description = "Start offset in the text sent") int start,
                             @Schema(description = "End offset (exclusive)") int end,
                             @Schema(description = "Normalised value (order number, product id, ISO date, number); absent for phones") String value) {
    }

    /** Sentiment: polarity, score and what scored it. */
    @Schema(description = "Sentiment of the turn")
    public record SentimentView(@Schema(description = "POSITIVE, NEUTRAL or NEGATIVE") String polarity,
                                @Schema(description = "-1 (negative) .. 1 (positive)") double score,
                                @Schema(description = "What scored it: model (the review-trained model), lexicon, model+lexicon, or none (no opinion in the text)") String source) {
    }

    /** A hand-off ticket. */
    @Schema(description = "A hand-off to a human agent")
    public record HandoffView(@Schema(description = "Ticket id on support.handoff.v1") String ticketId,
                              @Schema(description = "requested, negative_sentiment or repeated_fallback") String reason) {
    }
}
