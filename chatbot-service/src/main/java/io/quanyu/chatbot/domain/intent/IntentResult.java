package io.quanyu.chatbot.domain.intent;

import io.quanyu.chatbot.domain.ml.ScoredLabel;

import java.util.List;

/**
 * The intent of one turn: {@code intent} is the model's best label, or {@link #OUT_OF_SCOPE} when
 * {@code outOfScope}; {@code bestGuess} is always the best label; {@code reason} says why a turn was refused
 * (empty, no known words, low confidence, ambiguous, out-of-scope label) and is null otherwise.
 */
public record IntentResult(String intent, double confidence, String bestGuess, List<ScoredLabel> top,
                           boolean outOfScope, String reason) {

    public static final String OUT_OF_SCOPE = "out_of_scope";

    public IntentResult {
        top = List.copyOf(top);
    }

    static IntentResult refused(String reason, String bestGuess, double confidence, List<ScoredLabel> top) {
        return new IntentResult(OUT_OF_SCOPE, confidence, bestGuess, top, true, reason);
    }
}
