package io.quanyu.chatbot.domain.ml;

import java.util.List;

/** Every label ranked by calibrated probability, best first. */
public record Prediction(List<ScoredLabel> ranked) {

    public Prediction {
        ranked = List.copyOf(ranked);
        if (ranked.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one label");
        }
    }

    public String label() {
        return ranked.getFirst().label();
    }

    public double confidence() {
        return ranked.getFirst().probability();
    }

    /** Top probability minus the runner-up's (1 when there is a single label). */
    public double margin() {
        return ranked.size() < 2 ? 1.0 : ranked.get(0).probability() - ranked.get(1).probability();
    }

    public List<ScoredLabel> top(int k) {
        return ranked.subList(0, Math.min(k, ranked.size()));
    }
}
