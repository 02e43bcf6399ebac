package io.quanyu.chatbot.domain.ml;

/** A label with its calibrated probability. */
public record ScoredLabel(String label, double probability) {
}
