package io.quanyu.engagement.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A triggered journey as an admin defines it (also its JSON in the API and the database): one trigger, one action, a
 * holdout share, a frequency cap, quiet hours and an attribution window. {@link #validated()} checks and normalizes it.
 *
 * @param journeyId         unique id
 * @param name              for the back office
 * @param trigger           what starts it for a customer
 * @param action            what it does for a treated customer
 * @param holdoutShare      share of customers held out (never contacted, measured): default 0.1
 * @param frequencyCap      at most {@code max} journey entries per customer per {@code per}, across journeys
 * @param quietHours        local hours without contact (null: none)
 * @param attributionWindow how long after entering a purchase counts as a conversion, ISO-8601 (default P7D)
 */
public record Journey(String journeyId, String name, Trigger trigger, Action action, Double holdoutShare, FrequencyCap frequencyCap,
                      Quiet quietHours, String attributionWindow) {

    /** The first trigger kind: a cart change with no purchase within {@code wait}. */
    public static final String CART_ABANDONED = "cart_abandoned";

    /**
     * @param kind     {@code cart_abandoned}
     * @param waitFor  ("wait" in JSON) ISO-8601 duration after the cart change (e.g. PT30M)
     * @param channels channels whose cart changes count (empty: all)
     */
    public record Trigger(String kind, @JsonProperty("wait") String waitFor, List<String> channels) {
    }

    /**
     * @param kind    {@code grant_offer}
     * @param offerId the offer whose code is granted
     * @param channel channel to deliver on (null: the channel of the trigger)
     */
    public record Action(String kind, String offerId, String channel) {
    }

    /** At most {@code max} entries per customer per {@code per} (ISO-8601, e.g. P7D). */
    public record FrequencyCap(Integer max, String per) {
    }

    /** Quiet hours as local times ({@code 22:00}) in an IANA zone. */
    public record Quiet(String start, String end, String zone) {
    }

    public Journey validated() {
        String id = Text.id("journey_id", journeyId);
        Text.name("name", name, 200);
        if (trigger == null || !CART_ABANDONED.equals(trigger.kind())) {
            throw new Invalid("trigger.kind must be cart_abandoned (the only trigger so far)");
        }
        Duration w = duration("trigger.wait", trigger.waitFor() == null ? "PT30M" : trigger.waitFor(), Duration.ofDays(30));
        Trigger t = new Trigger(CART_ABANDONED, w.toString(), Text.channels("trigger.channels", trigger.channels()));
        if (action == null || !"grant_offer".equals(action.kind())) {
            throw new Invalid("action.kind must be grant_offer (the only action so far)");
        }
        Action a = new Action("grant_offer", Text.id("action.offer_id", action.offerId()),
                action.channel() == null ? null : Text.channels("action.channel", List.of(action.channel())).getFirst());
        double share = holdoutShare == null ? 0.1 : holdoutShare;
        if (!(share >= 0 && share < 1)) {
            throw new Invalid("holdout_share must be in [0, 1), was " + share);
        }
        FrequencyCap cap = null;
        if (frequencyCap != null) {
            if (frequencyCap.max() == null || frequencyCap.max() < 1 || frequencyCap.max() > 1000) {
                throw new Invalid("frequency_cap.max must be from 1 to 1000");
            }
            cap = new FrequencyCap(frequencyCap.max(), duration("frequency_cap.per", frequencyCap.per(), Duration.ofDays(366)).toString());
        }
        Quiet q = null;
        if (quietHours != null) {
            try {
                q = new Quiet(LocalTime.parse(quietHours.start()).toString(), LocalTime.parse(quietHours.end()).toString(),
                        ZoneId.of(quietHours.zone() == null ? "UTC" : quietHours.zone()).getId());
            } catch (RuntimeException e) {
                throw new Invalid("quiet_hours needs start and end as HH:MM and zone as an IANA zone such as Asia/Shanghai");
            }
        }
        String window = duration("attribution_window", attributionWindow == null ? "P7D" : attributionWindow, Duration.ofDays(366)).toString();
        return new Journey(id, name, t, a, share, cap, q, window);
    }

    private static Duration duration(String field, String value, Duration max) {
        Duration d;
        try {
            d = Duration.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " must be an ISO-8601 duration such as PT30M or P7D, was '" + Text.shorten(value) + "'");
        }
        if (d.isNegative() || d.isZero() || d.compareTo(max) > 0) {
            throw new Invalid(field + " must be above zero and at most " + max.toDays() + " days");
        }
        return d;
    }

    public Duration waitDuration() {
        return Duration.parse(trigger.waitFor());
    }

    public Duration attribution() {
        return Duration.parse(attributionWindow);
    }

    public boolean triggeredOn(String channel) {
        return trigger.channels().isEmpty() || trigger.channels().contains(channel);
    }

    public Optional<QuietHours> quiet() {
        return Optional.ofNullable(quietHours).map(q -> new QuietHours(LocalTime.parse(q.start()), LocalTime.parse(q.end()), ZoneId.of(q.zone())));
    }
}
