package io.quanyu.recommender.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Recency-weighted popularity and session co-occurrence counted straight from recent interactions: what a shop is
 * served before its first training, so a fresh stack answers from its first event.
 */
public final class LiveCounts {

    /** One interaction: who, what, its event weight (view 1, purchase 5, refund −5, ...) and when. */
    public record Row(String userKey, String itemId, double weight, long epochSecond) {
    }

    /** A recommended item: its score in [0, 1], what it came from, and the history item it owes most to (co-occurrence only). */
    public record Scored(String itemId, double score, Recommendation.Source source, String because) {
    }

    /** A quiet gap this long ends a visit: what someone looks at in one visit is related, across weeks much less so. */
    static final long SESSION_GAP_SECONDS = 30 * 60;
    /** Only a session's latest items pair up, so one crawler's thousand views cost 1,225 pairs, not half a million. */
    static final int MAX_SESSION_ITEMS = 50;

    /** Empty: nothing stored yet. */
    public static final LiveCounts EMPTY = of(List.of(), Duration.ofDays(1), 0);

    private final List<String> ids;
    private final Map<String, Integer> index;
    private final double[] popularity;
    private final double maxPopularity;
    private final List<Integer> byPopularity;
    private final int[] sessionsWith;
    private final List<Map<Integer, Integer>> together;

    private LiveCounts(List<String> ids, Map<String, Integer> index, double[] popularity, int[] sessionsWith, List<Map<Integer, Integer>> together) {
        this.ids = ids;
        this.index = index;
        this.popularity = popularity;
        this.sessionsWith = sessionsWith;
        this.together = together;
        double max = 0;
        for (double p : popularity) {
            max = Math.max(max, p);
        }
        this.maxPopularity = max;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < popularity.length; i++) {
            if (popularity[i] > 0) {
                order.add(i);
            }
        }
        // Ties: the item seen first in the rows (callers pass newest first) wins, so a fresh shop's order is stable.
        order.sort(Comparator.<Integer>comparingDouble(i -> -popularity[i]).thenComparingInt(i -> i));
        this.byPopularity = List.copyOf(order);
    }

    /**
     * Counts the rows: an item's popularity is the number of users whose summed weight on it is positive, each counted
     * {@code 0.5^(age / halfLife)} by their latest interaction with it; two items co-occur when one user had both in one
     * session (positive summed weight in that session).
     */
    public static LiveCounts of(List<Row> rows, Duration halfLife, long nowEpochSecond) {
        List<String> ids = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, List<Row>> byUser = new LinkedHashMap<>();
        for (Row r : rows) {
            if (Double.isFinite(r.weight()) && r.weight() != 0) {
                index.computeIfAbsent(r.itemId(), id -> {
                    ids.add(id);
                    return ids.size() - 1;
                });
                byUser.computeIfAbsent(r.userKey(), u -> new ArrayList<>()).add(r);
            }
        }
        double[] popularity = new double[ids.size()];
        int[] sessionsWith = new int[ids.size()];
        List<Map<Integer, Integer>> together = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            together.add(new HashMap<>());
        }
        for (List<Row> mine : byUser.values()) {
            mine.sort(Comparator.comparingLong(Row::epochSecond));
            Map<Integer, double[]> cells = new HashMap<>();
            List<Row> session = new ArrayList<>();
            long last = Long.MIN_VALUE;
            for (Row r : mine) {
                if (!session.isEmpty() && r.epochSecond() - last > SESSION_GAP_SECONDS) {
                    pairUp(session, index, sessionsWith, together);
                    session.clear();
                }
                session.add(r);
                last = r.epochSecond();
                double[] cell = cells.computeIfAbsent(index.get(r.itemId()), i -> new double[2]);
                cell[0] += r.weight();
                cell[1] = Math.max(cell[1], r.epochSecond());
            }
            pairUp(session, index, sessionsWith, together);
            cells.forEach((item, cell) -> {
                if (cell[0] > 0) {
                    popularity[item] += History.decay(halfLife, nowEpochSecond - (long) cell[1]);
                }
            });
        }
        return new LiveCounts(List.copyOf(ids), Map.copyOf(index), popularity, sessionsWith, together);
    }

    /** Counts one session's pairs among its latest distinct items with positive summed weight. */
    private static void pairUp(List<Row> session, Map<String, Integer> index, int[] sessionsWith, List<Map<Integer, Integer>> together) {
        Map<Integer, Double> sums = new LinkedHashMap<>();
        for (int k = session.size() - 1; k >= 0; k--) {
            sums.merge(index.get(session.get(k).itemId()), session.get(k).weight(), Double::sum);
        }
        List<Integer> items = sums.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).limit(MAX_SESSION_ITEMS).toList();
        for (int a = 0; a < items.size(); a++) {
            sessionsWith[items.get(a)]++;
            for (int b = a + 1; b < items.size(); b++) {
                together.get(items.get(a)).merge(items.get(b), 1, Integer::sum);
                together.get(items.get(b)).merge(items.get(a), 1, Integer::sum);
            }
        }
    }

    public boolean isEmpty() {
        return ids.isEmpty();
    }

    /** Whether any counted interaction names the item. */
    public boolean knows(String itemId) {
        return index.containsKey(itemId);
    }

    /** How many distinct items the counts cover. */
    public int itemCount() {
        return ids.size();
    }

    /** The n most popular accepted items, best first, scored relative to the most popular item. */
    public List<Scored> popular(int n, Predicate<String> accept) {
        List<Scored> out = new ArrayList<>();
        for (int k = 0; k < byPopularity.size() && out.size() < n; k++) {
            String id = ids.get(byPopularity.get(k));
            if (accept.test(id)) {
                out.add(new Scored(id, popularity[byPopularity.get(k)] / maxPopularity, Recommendation.Source.POPULARITY, null));
            }
        }
        return out;
    }

    /** The n accepted items most often in a session with {@code itemId} (cosine of session counts), best first. */
    public List<Scored> similar(String itemId, int n, Predicate<String> accept) {
        return forHistory(Map.of(itemId, 1.0), n, accept);
    }

    /**
     * For a history (item → summed weight; non-positive weights are ignored), the accepted items that co-occur with it,
     * best first, then the most popular accepted items to fill up to {@code n}; history items are never returned.
     */
    public List<Scored> recommend(Map<String, Double> history, int n, Predicate<String> accept) {
        Predicate<String> unseen = id -> !history.containsKey(id) && accept.test(id);
        List<Scored> out = new ArrayList<>(forHistory(history, n, unseen));
        if (out.size() < n) {
            List<String> chosen = out.stream().map(Scored::itemId).toList();
            out.addAll(popular(n - out.size(), id -> unseen.test(id) && !chosen.contains(id)));
        }
        return out;
    }

    private List<Scored> forHistory(Map<String, Double> history, int n, Predicate<String> accept) {
        Map<Integer, double[]> scores = new HashMap<>();
        history.forEach((id, w) -> {
            Integer h = index.get(id);
            if (h == null || !(w > 0)) {
                return;
            }
            together.get(h).forEach((j, c) -> {
                double s = w * c / Math.sqrt((double) sessionsWith[h] * sessionsWith[j]);
                double[] cell = scores.computeIfAbsent(j, x -> new double[] {0, -1, h});
                cell[0] += s;
                if (s > cell[1]) {
                    cell[1] = s;
                    cell[2] = h;
                }
            });
        });
        List<Map.Entry<Integer, double[]>> ranked = new ArrayList<>(scores.entrySet());
        ranked.removeIf(e -> history.containsKey(ids.get(e.getKey())) || !accept.test(ids.get(e.getKey())));
        ranked.sort(Comparator.<Map.Entry<Integer, double[]>>comparingDouble(e -> -e.getValue()[0])
                .thenComparingDouble(e -> -popularity[e.getKey()]).thenComparingInt(Map.Entry::getKey));
        double best = ranked.isEmpty() ? 1 : ranked.getFirst().getValue()[0];
        return ranked.stream().limit(n).map(e -> new Scored(ids.get(e.getKey()), e.getValue()[0] / best, Recommendation.Source.CO_OCCURRENCE,
                ids.get((int) e.getValue()[2]))).toList();
    }
}
