package io.quanyu.chatbot.domain.dialogue;

import java.util.List;

/**
 * The policy's answer to a turn.
 *
 * @param answeredBy   faq, order, product, smalltalk, slot, fallback or handoff
 * @param handoffReason a SupportHandoff reason when this turn hands off, else null
 * @param orderId      the order the reply is about, if any
 */
public record Decision(String reply, String answeredBy, List<String> suggestions, String handoffReason, String orderId,
                       DialogueState state) {

    public Decision {
        suggestions = List.copyOf(suggestions);
    }

    public boolean handoff() {
        return handoffReason != null;
    }
}
