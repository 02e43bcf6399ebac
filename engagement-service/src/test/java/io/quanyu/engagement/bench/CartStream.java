package io.quanyu.engagement.bench;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.ReplayIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * MovieLens-100K ratings as normalized cart traffic on events.v1 (what ingestion would publish): every rating is an
 * add_to_cart of the movie on the customer's click channel, and a rating of 4 or 5 is also a purchase of it shortly
 * after, on the customer's main channel. Keys are {@code u:<tag>ml-<uid>}, so each round has customers of its own.
 */
final class CartStream {

    /** A planned event: its offset from the start of the stream, and whether it is a cart change (the latency probes). */
    record Planned(double offsetSeconds, boolean cart, MovieLensData.Rating rating, int index) {
    }

    private CartStream() {
    }

    /** The whole log, its seven months compressed into {@code span} ending at {@code end}; purchases 60 s after their cart. */
    static List<CloudEvent> backlog(MovieLensData data, String tag, Instant end, Duration span) {
        List<MovieLensData.Rating> ratings = data.ratings();
        long first = ratings.getFirst().epochSecond();
        double scale = span.toMillis() / (double) Math.max(1, ratings.getLast().epochSecond() - first);
        Instant start = end.minus(span).minusSeconds(60);
        List<CloudEvent> out = new ArrayList<>(ratings.size() * 2);
        for (int i = 0; i < ratings.size(); i++) {
            MovieLensData.Rating r = ratings.get(i);
            Instant t = start.plusMillis(Math.round((r.epochSecond() - first) * scale));
            out.add(cart(data, tag, i, r, t));
            if (r.rating() >= 4) {
                out.add(purchase(data, tag, i, r, t.plusSeconds(60)));
            }
        }
        return out;
    }

    /**
     * {@code count} events from rating {@code from} on (wrapping around), in the order they are to be sent at a fixed
     * rate: each cart at its place, its purchase (rating 4 or 5) about {@code purchaseAfter} later at that rate.
     */
    static List<Planned> plan(MovieLensData data, int from, int count, int rate, Duration purchaseAfter) {
        List<MovieLensData.Rating> ratings = data.ratings();
        // Carts take the share of slots that leaves room for their purchases; offsets order the merge.
        long purchases = ratings.stream().filter(r -> r.rating() >= 4).count();
        double cartRate = rate * ratings.size() / (double) (ratings.size() + purchases);
        List<Planned> out = new ArrayList<>(count + 1000);
        java.util.PriorityQueue<Planned> later = new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(Planned::offsetSeconds));
        for (int k = 0; out.size() < count; k++) {
            double at = k / cartRate;
            while (!later.isEmpty() && later.peek().offsetSeconds() <= at && out.size() < count) {
                out.add(later.poll());
            }
            if (out.size() >= count) {
                break;
            }
            int index = (from + k) % ratings.size();
            MovieLensData.Rating r = ratings.get(index);
            out.add(new Planned(at, true, r, k));
            if (r.rating() >= 4) {
                later.add(new Planned(at + purchaseAfter.toMillis() / 1000.0, false, r, k));
            }
        }
        return out;
    }

    /** The event of a planned slot, happening at {@code t}. */
    static CloudEvent event(MovieLensData data, String tag, Planned p, Instant t) {
        return p.cart() ? cart(data, tag, p.index(), p.rating(), t) : purchase(data, tag, p.index(), p.rating(), t);
    }

    static String customer(String tag, int uid) {
        return "u:" + tag + ReplayIds.userId(uid);
    }

    static CloudEvent cart(MovieLensData data, String tag, int index, MovieLensData.Rating r, Instant t) {
        Channel channel = ReplayIds.clickChannel(ReplayIds.mainChannel(r.userId()));
        MovieLensData.Movie m = data.movie(r.itemId());
        return event(tag + "c" + index, channel, EventType.ADD_TO_CART, customer(tag, r.userId()), t, new CartChange(m.productId(), 1, m.price()));
    }

    static CloudEvent purchase(MovieLensData data, String tag, int index, MovieLensData.Rating r, Instant t) {
        Channel channel = ReplayIds.mainChannel(r.userId());
        MovieLensData.Movie m = data.movie(r.itemId());
        BigDecimal price = m.price();
        return event(tag + "p" + index, channel, EventType.PURCHASE, customer(tag, r.userId()), t,
                new Purchase(tag + ReplayIds.orderId(r.userId(), r.itemId()), List.of(new OrderLine(m.productId(), 1, price)), price, "CNY",
                        channel == Channel.STORE ? ReplayIds.storeId(r.userId()) : null));
    }

    private static CloudEvent event(String id, Channel channel, EventType type, String subject, Instant t, EventData data) {
        return CloudEvent.of(id, channel, type, t, subject, t, null, data);
    }
}
