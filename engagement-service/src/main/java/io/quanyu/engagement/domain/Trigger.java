package io.quanyu.engagement.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.util.List;

/**
 * What starts a journey for a customer: an event (a cart change, a first purchase), the customer's birthday (from the
 * identify trait, on the date in the journey's quiet-hours zone, else UTC) or a change of the portrait on profile.updates.v1 (entering a lifecycle stage or a segment, a purchase propensity crossing a threshold).
 *
 * @param kind           {@code cart_abandoned}, {@code first_purchase}, {@code birthday} (events), {@code lifecycle}, {@code entered_segment}
 *                       or {@code propensity_above} (portraits)
 * @param waitFor        ("wait" in JSON) ISO-8601 duration between the trigger and the decision (cart_abandoned: PT30M, others: none)
 * @param channels       channels whose triggers count (the event's channel, or the portrait's preferred channel); empty: all
 * @param segment        entered_segment: the segment id
 * @param lifecycle      lifecycle: the stage entered ({@code new}, {@code active}, {@code at_risk}, {@code lost})
 * @param threshold      propensity_above: the purchase propensity crossed upwards, in (0, 1)
 * @param exitOnPurchase whether a purchase during the wait ends the journey as converted (default: true, false for first_purchase)
 */
public record Trigger(String kind, @JsonProperty("wait") String waitFor, List<String> channels, String segment, String lifecycle,
                      Double threshold, Boolean exitOnPurchase) {

    public static final String CART_ABANDONED = "cart_abandoned";
    public static final String FIRST_PURCHASE = "first_purchase";
    public static final String LIFECYCLE = "lifecycle";
    public static final String ENTERED_SEGMENT = "entered_segment";
    public static final String PROPENSITY_ABOVE = "propensity_above";
    public static final String BIRTHDAY = "birthday";
    /** Kinds started by events on events.v1 (a birthday: by the date, for customers whose identify gave one). */
    public static final List<String> EVENT_KINDS = List.of(CART_ABANDONED, FIRST_PURCHASE, BIRTHDAY);
    /** Kinds started by portraits on profile.updates.v1. */
    public static final List<String> PORTRAIT_KINDS = List.of(LIFECYCLE, ENTERED_SEGMENT, PROPENSITY_ABOVE);
    /** The profile service's lifecycle stages. */
    public static final List<String> STAGES = List.of("new", "active", "at_risk", "lost");

    /** The shorthand of the first version: a kind with a wait and channels. */
    public Trigger(String kind, String waitFor, List<String> channels) {
        this(kind, waitFor, channels, null, null, null, null);
    }

    public Trigger validated() {
        if (kind == null || !(EVENT_KINDS.contains(kind) || PORTRAIT_KINDS.contains(kind))) {
            throw new Invalid("trigger.kind must be one of " + EVENT_KINDS + " or " + PORTRAIT_KINDS);
        }
        String w = waitFor == null ? (CART_ABANDONED.equals(kind) ? "PT30M" : "PT0S") : waitFor;
        Duration d = Durations.parse("trigger.wait", w, Duration.ofDays(30), !CART_ABANDONED.equals(kind));
        String seg = null;
        String stage = null;
        Double t = null;
        switch (kind) {
            case ENTERED_SEGMENT -> seg = Text.id("trigger.segment", segment);
            case LIFECYCLE -> {
                if (lifecycle == null || !STAGES.contains(lifecycle)) {
                    throw new Invalid("trigger.lifecycle must be one of " + STAGES);
                }
                stage = lifecycle;
            }
            case PROPENSITY_ABOVE -> {
                if (threshold == null || !(threshold > 0 && threshold < 1)) {
                    throw new Invalid("trigger.threshold must be above 0 and below 1");
                }
                t = threshold;
            }
            default -> {
            }
        }
        boolean exit = exitsOnPurchase();
        return new Trigger(kind, d.toString(), Text.channels("trigger.channels", channels), seg, stage, t, exit);
    }

    /** Whether a purchase during the wait ends the journey; a definition stored before the field existed gets the kind's default. */
    @JsonIgnore
    public boolean exitsOnPurchase() {
        return exitOnPurchase == null ? !(FIRST_PURCHASE.equals(kind) || BIRTHDAY.equals(kind)) : exitOnPurchase;
    }

    @JsonIgnore
    public boolean portrait() {
        return PORTRAIT_KINDS.contains(kind);
    }

    @JsonIgnore
    public Duration waitDuration() {
        return Duration.parse(waitFor);
    }

    public boolean countsChannel(String channel) {
        return channels == null || channels.isEmpty() || channels.contains(channel);
    }

    /** Whether a portrait going from {@code before} (null: first seen) to {@code after} starts this trigger. */
    public boolean firedBy(Portrait before, Portrait after) {
        return switch (kind) {
            case LIFECYCLE -> lifecycle.equals(after.lifecycle()) && (before == null || !lifecycle.equals(before.lifecycle()));
            case ENTERED_SEGMENT -> after.segments().contains(segment) && (before == null || !before.segments().contains(segment));
            case PROPENSITY_ABOVE -> after.propensity() != null && after.propensity() >= threshold
                    && (before == null || before.propensity() == null || before.propensity() < threshold);
            default -> false;
        };
    }
}
