package io.quanyu.console.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Engagement-service's journey definitions and uplift figures put into the short words and intervals a table shows. */
public final class Journeys {

    /** The 0.975 quantile of the standard normal distribution, for two-sided 95 % intervals. */
    static final double Z95 = 1.959963984540054;

    /** A 95 % interval of a rate. */
    public record Interval(double lower, double upper) {
    }

    /** The words the descriptions are made of, in the page's language. */
    public record Words(String waitFor, String exitsOnPurchase, String staysAfterPurchase, String segmentIn, String lifecycleIn, String channelIn,
                        String propensity, String boughtBefore, String neverBought, String always, String and, String offer, String on,
                        String recommendations) {

        public static final Words ENGLISH = new Words("wait", "exits on purchase", "stays after a purchase", "segment in", "lifecycle in",
                "channel in", "propensity", "bought before", "never bought", "always", "and", "offer", "on", "recommendations");
    }

    private Journeys() {
    }

    /**
     * What a trigger waits for besides its kind: the stage, segment or threshold of a portrait trigger, the wait and
     * channels of an event trigger; "" when the trigger has nothing but its kind.
     */
    public static String triggerParameter(JsonNode trigger, Words w) {
        if (trigger == null || trigger.isMissingNode() || trigger.isNull()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        switch (trigger.path("kind").asText()) {
            case "lifecycle" -> parts.add(trigger.path("lifecycle").asText());
            case "entered_segment" -> parts.add(trigger.path("segment").asText());
            case "propensity_above" -> parts.add("> " + trigger.path("threshold").asText());
            default -> {
                // Event triggers (cart_abandoned, first_purchase, birthday) are told by their wait and channels below.
            }
        }
        if (trigger.hasNonNull("wait")) {
            parts.add(w.waitFor() + " " + trigger.path("wait").asText());
        }
        String channels = joined(trigger.path("channels"));
        if (!channels.isEmpty()) {
            parts.add(channels);
        }
        if (trigger.hasNonNull("exit_on_purchase")) {
            parts.add(trigger.path("exit_on_purchase").asBoolean() ? w.exitsOnPurchase() : w.staysAfterPurchase());
        }
        return String.join(" · ", parts);
    }

    /** A branch condition in words, every field that is set; "always" when none is (the branch takes everyone). */
    public static String condition(JsonNode when, Words w) {
        List<String> parts = new ArrayList<>();
        if (when != null) {
            addList(parts, w.segmentIn() + " ", when.path("segments"));
            addList(parts, w.lifecycleIn() + " ", when.path("lifecycles"));
            addList(parts, w.channelIn() + " ", when.path("channels"));
            if (when.hasNonNull("min_propensity")) {
                parts.add(w.propensity() + " ≥ " + when.path("min_propensity").asText());
            }
            if (when.hasNonNull("max_propensity")) {
                parts.add(w.propensity() + " ≤ " + when.path("max_propensity").asText());
            }
            if (when.hasNonNull("bought_before")) {
                parts.add(when.path("bought_before").asBoolean() ? w.boughtBefore() : w.neverBought());
            }
        }
        return parts.isEmpty() ? w.always() : String.join(" " + w.and() + " ", parts);
    }

    /** An action in words: its kind, the offer granted or the message, the channel and the recommendations attached. */
    public static String action(JsonNode action, Words w) {
        if (action == null || action.isMissingNode() || action.isNull()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(action.path("kind").asText());
        if (action.hasNonNull("offer_id")) {
            parts.add(w.offer() + " " + action.path("offer_id").asText());
        }
        if (action.hasNonNull("message")) {
            parts.add("“" + action.path("message").asText() + "”");
        }
        if (action.hasNonNull("channel")) {
            parts.add(w.on() + " " + action.path("channel").asText());
        }
        if (action.path("recommendations").asInt(0) > 0) {
            parts.add("+ " + action.path("recommendations").asInt() + " " + w.recommendations());
        }
        return String.join(" · ", parts);
    }

    /**
     * Wilson's score interval of one group's conversion rate (the intervals Newcombe's difference interval, which
     * engagement-service reports, is built from); null without entries.
     */
    public static Interval wilson(long conversions, long entries) {
        if (entries <= 0 || conversions < 0 || conversions > entries) {
            return null;
        }
        double n = entries;
        double p = conversions / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /** Whether an interval of a difference leaves out zero: the uplift (or harm) is unlikely to be chance alone. */
    public static boolean excludesZero(JsonNode ci) {
        return ci != null && ci.hasNonNull("lower") && ci.hasNonNull("upper")
                && (ci.path("lower").asDouble() > 0 || ci.path("upper").asDouble() < 0);
    }

    private static void addList(List<String> parts, String label, JsonNode values) {
        String s = joined(values);
        if (!s.isEmpty()) {
            parts.add(label + s);
        }
    }

    private static String joined(JsonNode values) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : values) {
            out.add(v.asText());
        }
        return String.join(", ", out);
    }
}
