package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** One chat turn: who spoke, the text, and what the chatbot understood of it. */
public record ChatMessage(@Required String sessionId, @Required String role, @Required String text,
                          String intent, @Range(min = "0", max = "1") Double confidence,
                          @Range(min = "-1", max = "1") Double sentiment) implements EventData {
}
