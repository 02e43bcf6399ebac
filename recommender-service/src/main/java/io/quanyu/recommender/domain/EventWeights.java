package io.quanyu.recommender.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

/** Caller-defined weights per event type (view 1, cart 3, purchase 5, review by rating, ...). */
public final class EventWeights {

    private final Map<String, DoubleUnaryOperator> rules;

    private EventWeights(Map<String, DoubleUnaryOperator> rules) {
        this.rules = Map.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A sensible e-commerce default: view 1, favorite and social like 2, cart and social share 3, purchase 5, review
     * (rating − 2.5) × 2, refund −5. A share recommends the product to others, so it says at least as much as a cart add.
     */
    public static EventWeights ecommerceDefaults() {
        return builder().weight("product_view", 1).weight("favorite", 2).weight("social_like", 2).weight("add_to_cart", 3)
                .weight("social_share", 3)
                .weight("purchase", 5).valued("review", rating -> (rating - 2.5) * 2).weight("refund", -5).build();
    }

    /** Whether events of this type count at all. */
    public boolean counts(String type) {
        return rules.containsKey(type);
    }

    /**
     * Weight of one event of {@code type} with an optional numeric value (a review rating); NaN for types without a
     * rule, so that a new event type never leaks into the models by accident.
     * A negative weight is allowed: summed per cell, it can cancel earlier evidence (a refund, a bad review).
     */
    public double weight(String type, double value) {
        DoubleUnaryOperator rule = rules.get(type);
        return rule == null ? Double.NaN : rule.applyAsDouble(value);
    }

    /** The event for {@code type}, or empty when the type is ignored or weighs zero. */
    public Optional<Interactions.Event> event(String userId, String itemId, String type, double value, Instant time) {
        double w = weight(type, value);
        if (Double.isNaN(w) || w == 0) {
            return Optional.empty();
        }
        return Optional.of(new Interactions.Event(userId, itemId, w, time));
    }

    /** Collects rules per event type; a later rule for the same type replaces the earlier one. */
    public static final class Builder {
        private final Map<String, DoubleUnaryOperator> rules = new HashMap<>();

        private Builder() {
        }

        /** A fixed weight for every event of the type. */
        public Builder weight(String type, double weight) {
            if (!Double.isFinite(weight)) {
                throw new IllegalArgumentException("weight must be finite: " + weight);
            }
            rules.put(Objects.requireNonNull(type, "type"), v -> weight);
            return this;
        }

        /** A weight computed from the event's value, e.g. a review's star rating. */
        public Builder valued(String type, DoubleUnaryOperator weightOfValue) {
            rules.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(weightOfValue, "weightOfValue"));
            return this;
        }

        public EventWeights build() {
            return new EventWeights(rules);
        }
    }
}
