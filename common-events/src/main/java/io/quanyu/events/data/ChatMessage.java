package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/** One chat turn: who spoke, the text, and what the chatbot understood of it. */
public record ChatMessage(@Required String sessionId, @Required String role, @Required String text,
                          String intent, Double confidence, Double sentiment) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        if (confidence != null && (confidence < 0 || confidence > 1)) {
            checks.add("confidence", io.quanyu.events.ReasonCode.OUT_OF_RANGE, "must be between 0 and 1, was " + confidence);
        }
        if (sentiment != null && (sentiment < -1 || sentiment > 1)) {
            checks.add("sentiment", io.quanyu.events.ReasonCode.OUT_OF_RANGE, "must be between -1 and 1, was " + sentiment);
        }
    }
}
