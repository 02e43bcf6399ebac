package io.quanyu.engagement.domain;

import java.util.List;

/**
 * A branch's condition on the customer when the wait is over; every field set must hold (none set: always).
 *
 * @param segments      the customer is in one of these segments
 * @param lifecycles    the customer's lifecycle stage is one of these
 * @param minPropensity purchase propensity at least this (unknown propensity: does not hold)
 * @param maxPropensity purchase propensity at most this (unknown propensity: does not hold)
 * @param channels      the trigger came on one of these channels
 * @param boughtBefore  true: the customer bought before the trigger; false: never did
 */
public record Condition(List<String> segments, List<String> lifecycles, Double minPropensity, Double maxPropensity, List<String> channels,
                        Boolean boughtBefore) {

    /** What a condition is evaluated on. */
    public record Facts(Portrait portrait, String triggerChannel, boolean boughtBefore) {
    }

    public Condition validated(String field) {
        List<String> stages = Text.words(field + ".lifecycles", lifecycles, 16, 4);
        for (String s : stages) {
            if (!Trigger.STAGES.contains(s)) {
                throw new Invalid(field + ".lifecycles: '" + Text.shorten(s) + "' is not one of " + Trigger.STAGES);
            }
        }
        check(field + ".min_propensity", minPropensity);
        check(field + ".max_propensity", maxPropensity);
        if (minPropensity != null && maxPropensity != null && minPropensity > maxPropensity) {
            throw new Invalid(field + ": min_propensity is above max_propensity");
        }
        return new Condition(Text.words(field + ".segments", segments, 128, 50), stages, minPropensity, maxPropensity,
                Text.channels(field + ".channels", channels), boughtBefore);
    }

    private static void check(String field, Double p) {
        if (p != null && !(p >= 0 && p <= 1)) {
            throw new Invalid(field + " must be from 0 to 1");
        }
    }

    public boolean holds(Facts f) {
        Portrait p = f.portrait();
        return (segments.isEmpty() || segments.stream().anyMatch(p.segments()::contains))
                && (lifecycles.isEmpty() || lifecycles.contains(p.lifecycle()))
                && (minPropensity == null || (p.propensity() != null && p.propensity() >= minPropensity))
                && (maxPropensity == null || (p.propensity() != null && p.propensity() <= maxPropensity))
                && (channels.isEmpty() || channels.contains(f.triggerChannel()))
                && (boughtBefore == null || boughtBefore == f.boughtBefore());
    }
}
