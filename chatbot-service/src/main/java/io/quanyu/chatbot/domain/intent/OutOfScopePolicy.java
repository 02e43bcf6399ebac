package io.quanyu.chatbot.domain.intent;

import java.util.Set;

/**
 * When a turn is out of scope: top probability below minConfidence, top two closer than minMargin, or a
 * predicted label that itself means out of scope (such as CLINC's "oos").
 */
public record OutOfScopePolicy(double minConfidence, double minMargin, Set<String> outOfScopeLabels) {

    public static final Set<String> DEFAULT_OOS_LABELS = Set.of("oos", "out_of_scope", "out-of-scope", "other_intent");

    public OutOfScopePolicy {
        if (minConfidence < 0 || minConfidence > 1 || minMargin < 0 || minMargin > 1) {
            throw new IllegalArgumentException("thresholds are probabilities");
        }
        outOfScopeLabels = Set.copyOf(outOfScopeLabels);
    }

    /** Thresholds for calibrated probabilities: answer only when the model is clearly sure. */
    public static OutOfScopePolicy defaults() {
        return new OutOfScopePolicy(0.45, 0.10, DEFAULT_OOS_LABELS);
    }

    /** Never refuses on confidence (for measuring plain accuracy). */
    public static OutOfScopePolicy never() {
        return new OutOfScopePolicy(0, 0, DEFAULT_OOS_LABELS);
    }
}
