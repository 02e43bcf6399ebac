package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * One chat turn on {@code chat.transcripts.v1} (key = the customer's user key): what the customer wrote, what the
 * chatbot understood and answered. Phone numbers in {@code text} are masked; nothing here is echoed in full.
 *
 * @param turnId     unique per turn; feedback refers to it
 * @param userKey    canonical user key ({@code u:<userId>}, or {@code a:chat-<sessionId>} for an anonymous chat)
 * @param channel    the channel the chat came through (web, app, miniprogram, ...)
 * @param language   zh, en, mixed or other
 * @param intent     the recognised intent, or {@code out_of_scope}
 * @param confidence calibrated confidence of the best intent, 0..1
 * @param sentiment  -1 (negative) .. 1 (positive)
 * @param entities   entity types found, e.g. ORDER_NUMBER, PRODUCT
 * @param answeredBy what produced the reply: faq, order, product, smalltalk, slot, fallback or handoff
 * @param handoff    whether this turn handed the conversation to a human
 */
public record ChatTurn(@Required String turnId, @Required String sessionId, @Required String userKey, @Required String channel,
                       String language, @Required String text, @Required String reply, @Required String intent, double confidence,
                       double sentiment, List<String> entities, String answeredBy, boolean handoff, @Required Instant at) {

    public ChatTurn {
        entities = entities == null ? List.of() : List.copyOf(entities);
    }
}
