package io.quanyu.engagement.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A triggered journey as an admin defines it (also its JSON in the API and the database): a trigger and its wait, then
 * branches tried in order (the first whose condition holds acts) and a default action, optionally a follow-up action
 * after a second wait, with a holdout share, a frequency cap, quiet hours and an attribution window. {@link #validated()} checks and normalizes it.
 *
 * @param journeyId         unique id
 * @param name              for the back office
 * @param trigger           what starts it for a customer, and how long to wait before deciding
 * @param action            what it does when no branch matches (null: nothing, the customer leaves the journey)
 * @param branches          condition and action pairs tried in order (at most 10)
 * @param followUp          a second action some time after a treated customer's first, unless they bought (null: none)
 * @param holdoutShare      share of customers held out (never contacted, measured): default 0.1
 * @param frequencyCap      at most {@code max} journey entries per customer per {@code per}, across journeys
 * @param quietHours        local hours without contact (null: none)
 * @param attributionWindow how long after entering a purchase counts as a conversion, ISO-8601 (default P7D)
 */
public record Journey(String journeyId, String name, Trigger trigger, Action action, List<Branch> branches, FollowUp followUp,
                      Double holdoutShare, FrequencyCap frequencyCap, Quiet quietHours, String attributionWindow) {

    /** The suffix of a follow-up's trigger id: the first trigger's id, then this. */
    public static final String FOLLOW_UP = "#follow-up";

    /** The first trigger kind: a cart change with no purchase within the wait. */
    public static final String CART_ABANDONED = Trigger.CART_ABANDONED;

    /** A condition and what to do when it holds. */
    public record Branch(Condition when, Action action) {
    }

    /** The action chosen for a customer; {@code branch} is its index, null for the default action. */
    public record Chosen(Integer branch, Action action) {
    }

    /** At most {@code max} entries per customer per {@code per} (ISO-8601, e.g. P7D). */
    public record FrequencyCap(Integer max, String per) {
    }

    /** Quiet hours as local times ({@code 22:00}) in an IANA zone. */
    public record Quiet(String start, String end, String zone) {
    }

    /** The shape of the first version: one trigger, one action. */
    public Journey(String journeyId, String name, Trigger trigger, Action action, Double holdoutShare, FrequencyCap frequencyCap,
                   Quiet quietHours, String attributionWindow) {
        this(journeyId, name, trigger, action, null, null, holdoutShare, frequencyCap, quietHours, attributionWindow);
    }

    public Journey validated() {
        String id = Text.id("journey_id", journeyId);
        Text.name("name", name, 200);
        if (trigger == null) {
            throw new Invalid("trigger.kind must be one of " + Trigger.EVENT_KINDS + " or " + Trigger.PORTRAIT_KINDS);
        }
        Trigger t = trigger.validated();
        if (branches != null && branches.size() > 10) {
            throw new Invalid("branches has more than 10 entries");
        }
        List<Branch> bs = new ArrayList<>();
        for (int i = 0; branches != null && i < branches.size(); i++) {
            Branch b = branches.get(i);
            String field = "branches[" + i + "]";
            if (b == null || b.action() == null) {
                throw new Invalid(field + ".action is required");
            }
            Condition when = b.when() == null ? new Condition(null, null, null, null, null, null) : b.when();
            bs.add(new Branch(when.validated(field + ".when"), b.action().validated(field + ".action")));
        }
        if (action == null && bs.isEmpty()) {
            throw new Invalid("action is required (or branches with actions)");
        }
        Action a = action == null ? null : action.validated("action");
        double share = holdoutShare == null ? 0.1 : holdoutShare;
        if (!(share >= 0 && share < 1)) {
            throw new Invalid("holdout_share must be in [0, 1), was " + share);
        }
        FrequencyCap cap = null;
        if (frequencyCap != null) {
            if (frequencyCap.max() == null || frequencyCap.max() < 1 || frequencyCap.max() > 1000) {
                throw new Invalid("frequency_cap.max must be from 1 to 1000");
            }
            cap = new FrequencyCap(frequencyCap.max(), Durations.parse("frequency_cap.per", frequencyCap.per(), Duration.ofDays(366), false).toString());
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
        String window = Durations.parse("attribution_window", attributionWindow == null ? "P7D" : attributionWindow, Duration.ofDays(366), false)
                .toString();
        return new Journey(id, name, t, a, List.copyOf(bs), followUp == null ? null : followUp.validated(), share, cap, q, window);
    }

    /** The first branch whose condition holds, else the default action; empty when neither. */
    public Optional<Chosen> choose(Condition.Facts facts) {
        for (int i = 0; branches != null && i < branches.size(); i++) {
            if (branches.get(i).when().holds(facts)) {
                return Optional.of(new Chosen(i, branches.get(i).action()));
            }
        }
        return Optional.ofNullable(action).map(a -> new Chosen(null, a));
    }

    /** Every offer the journey can grant (for the offer's uplift and for deleting offers in use). */
    @JsonIgnore
    public List<String> offerIds() {
        List<String> out = new ArrayList<>();
        if (action != null && action.offerId() != null) {
            out.add(action.offerId());
        }
        for (Branch b : branches == null ? List.<Branch>of() : branches) {
            if (b.action().offerId() != null && !out.contains(b.action().offerId())) {
                out.add(b.action().offerId());
            }
        }
        if (followUp != null && followUp.action().offerId() != null && !out.contains(followUp.action().offerId())) {
            out.add(followUp.action().offerId());
        }
        return out;
    }

    @JsonIgnore
    public Duration waitDuration() {
        return trigger.waitDuration();
    }

    @JsonIgnore
    public Duration attribution() {
        return Duration.parse(attributionWindow);
    }

    public boolean triggeredOn(String channel) {
        return trigger.countsChannel(channel);
    }

    @JsonIgnore
    public Optional<QuietHours> quiet() {
        return Optional.ofNullable(quietHours).map(q -> new QuietHours(LocalTime.parse(q.start()), LocalTime.parse(q.end()), ZoneId.of(q.zone())));
    }
}
