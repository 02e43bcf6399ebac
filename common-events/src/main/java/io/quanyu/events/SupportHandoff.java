package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * A conversation handed to a human agent, on {@code support.handoff.v1} (key = session id), with the transcript so
 * far so the agent need not ask again. Phone numbers in the transcript are masked.
 *
 * @param ticketId  unique per hand-off
 * @param reason    {@code requested} (the customer asked), {@code negative_sentiment} or {@code repeated_fallback}
 * @param topic     the intent the conversation was about (e.g. order_status), if any
 * @param orderId   the order under discussion, if any
 * @param sentiment the latest turn's sentiment, -1..1
 */
public record SupportHandoff(@Required String ticketId, @Required String sessionId, @Required String userKey, @Required String channel,
                             @Required String reason, String topic, String orderId, String language, double sentiment,
                             @Required List<Line> transcript, @Required Instant requestedAt) {

    public static final String REQUESTED = "requested";
    public static final String NEGATIVE_SENTIMENT = "negative_sentiment";
    public static final String REPEATED_FALLBACK = "repeated_fallback";

    /** One line of the transcript: who spoke ({@code customer} or {@code bot}), what, and when. */
    public record Line(@Required String role, @Required String text, String intent, @Required Instant at) {
    }

    public SupportHandoff {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
