package io.quanyu.ads.domain.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Credits purchases to the ad clicks that preceded them. A click is eligible for an order when
 * {@code order.time - window <= click.time <= order.time}: both ends inclusive, so a click exactly one window before
 * the purchase still counts and a click after the purchase never does. Channels do not matter: a click on any ad
 * platform can earn credit for a purchase on any channel, joined through the canonical user key.
 *
 * <p>Credits never exceed the order amount: with at least one eligible click they add up to exactly the amount (in
 * micros; under {@link AttributionModel#LINEAR} the remainder micros of the even split go one each to the most recent
 * clicks); without one the order is unattributed and credits nothing.
 */
public final class Attributor {

    private static final Comparator<Credit> CREDIT_ORDER = Comparator.comparing(Credit::campaignId)
            .thenComparing(Credit::adId).thenComparing(Credit::channel);

    private final Duration window;
    private final AttributionModel model;

    /**
     * @param window how long before a purchase a click may earn credit; positive
     * @param model  how credit is shared among eligible clicks
     */
    public Attributor(Duration window, AttributionModel model) {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(model, "model");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("attribution window must be positive, got " + window);
        }
        this.window = window;
        this.model = model;
    }

    public Duration window() {
        return window;
    }

    public AttributionModel model() {
        return model;
    }

    /** The earliest click time (inclusive) that can earn credit for an order at this time: the lower bound to query. */
    public Instant windowStart(Instant orderTime) {
        return orderTime.minus(window);
    }

    /** Whether the click falls in the order's window (user keys are the caller's business, see {@link #attribute}). */
    public boolean eligible(Touch touch, Order order) {
        return !touch.time().isBefore(windowStart(order.time())) && !touch.time().isAfter(order.time());
    }

    /**
     * The incremental entry point: credits one order given the buyer's clicks. The caller passes the clicks of the
     * same customer (it resolved every key to the canonical one); clicks outside the window are ignored, so passing a
     * superset is safe. Returns no credits when no click is eligible (the order is unattributed).
     *
     * @return credits merged per (campaign, ad, channel), sorted by those; revenue adds up to the order amount
     */
    public List<Credit> attribute(Order order, Collection<Touch> customerTouches) {
        List<Touch> eligible = new ArrayList<>();
        for (Touch t : customerTouches) {
            if (eligible(t, order)) {
                eligible.add(t);
            }
        }
        if (eligible.isEmpty()) {
            return List.of();
        }
        eligible.sort(Touch.CHRONOLOGICAL);
        return switch (model) {
            case LAST_TOUCH -> {
                Touch last = eligible.getLast();
                yield List.of(new Credit(order.orderId(), last.campaignId(), last.adId(), last.channel(), 1.0,
                        order.amountMicros()));
            }
            case LINEAR -> linear(order, eligible);
        };
    }

    private static List<Credit> linear(Order order, List<Touch> chronological) {
        int n = chronological.size();
        long base = order.amountMicros() / n;
        long remainder = order.amountMicros() % n;
        Map<List<String>, Credit> merged = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Touch t = chronological.get(i);
            // The last `remainder` clicks (the most recent) get one extra micro each, so the shares sum exactly.
            long revenue = base + (i >= n - remainder ? 1 : 0);
            List<String> key = List.of(t.campaignId(), t.adId(), t.channel());
            Credit prev = merged.get(key);
            merged.put(key, prev == null
                    ? new Credit(order.orderId(), t.campaignId(), t.adId(), t.channel(), 1.0 / n, revenue)
                    : new Credit(order.orderId(), t.campaignId(), t.adId(), t.channel(),
                    prev.conversions() + 1.0 / n, prev.revenueMicros() + revenue));
        }
        List<Credit> out = new ArrayList<>(merged.values());
        out.sort(CREDIT_ORDER);
        return out;
    }

    /** {@link #attributeAll(Collection, Collection, UnaryOperator)} when user keys are already canonical. */
    public AttributionSummary attributeAll(Collection<Order> orders, Collection<Touch> touches) {
        return attributeAll(orders, touches, UnaryOperator.identity());
    }

    /**
     * Attributes a batch (a day's orders, a backfill): clicks and orders are joined on {@code canonicalKey} applied to
     * their user keys, so a click by an anonymous id credits a purchase made after login once both resolve to the
     * same customer. An order id seen twice (a redelivered event) is attributed once.
     */
    public AttributionSummary attributeAll(Collection<Order> orders, Collection<Touch> touches,
                                           UnaryOperator<String> canonicalKey) {
        Map<String, List<Touch>> byCustomer = new HashMap<>();
        for (Touch t : touches) {
            byCustomer.computeIfAbsent(canonicalKey.apply(t.userKey()), k -> new ArrayList<>()).add(t);
        }
        for (List<Touch> list : byCustomer.values()) {
            list.sort(Touch.CHRONOLOGICAL);
        }
        Map<List<String>, double[]> conversions = new HashMap<>();
        Map<List<String>, long[]> revenue = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int attributed = 0;
        int unattributed = 0;
        long purchased = 0;
        long credited = 0;
        long lost = 0;
        for (Order o : orders) {
            if (!seen.add(o.orderId())) {
                continue;
            }
            purchased += o.amountMicros();
            List<Touch> mine = byCustomer.getOrDefault(canonicalKey.apply(o.userKey()), List.of());
            List<Credit> credits = attribute(o, inWindow(mine, windowStart(o.time()), o.time()));
            if (credits.isEmpty()) {
                unattributed++;
                lost += o.amountMicros();
                continue;
            }
            attributed++;
            for (Credit c : credits) {
                List<String> key = List.of(c.campaignId(), c.adId(), c.channel());
                conversions.computeIfAbsent(key, k -> new double[1])[0] += c.conversions();
                revenue.computeIfAbsent(key, k -> new long[1])[0] += c.revenueMicros();
                credited += c.revenueMicros();
            }
        }
        List<AdCredit> rows = new ArrayList<>();
        for (var e : conversions.entrySet()) {
            List<String> k = e.getKey();
            rows.add(new AdCredit(k.get(0), k.get(1), k.get(2), e.getValue()[0], revenue.get(k)[0]));
        }
        rows.sort(Comparator.comparing(AdCredit::campaignId).thenComparing(AdCredit::adId)
                .thenComparing(AdCredit::channel));
        return new AttributionSummary(rows, attributed, unattributed, purchased, credited, lost);
    }

    /** The clicks of a chronologically sorted list with from <= time <= to, found by binary search. */
    private static List<Touch> inWindow(List<Touch> sorted, Instant from, Instant to) {
        int lo = firstAtOrAfter(sorted, from);
        int hi = lo;
        while (hi < sorted.size() && !sorted.get(hi).time().isAfter(to)) {
            hi++;
        }
        return sorted.subList(lo, hi);
    }

    private static int firstAtOrAfter(List<Touch> sorted, Instant from) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).time().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
