package io.quanyu.recommender.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/** Item popularity (user counts or weights, optionally time-decayed), globally and per category. */
public final class Popularity implements Scorer {

    /**
     * How popularity is counted.
     *
     * @param weighted sum interaction weights instead of counting users
     * @param halfLife decay half-life measured back from the latest training time, or {@code null} for none
     */
    public record Config(boolean weighted, Duration halfLife) {
        public static final Config COUNTS = new Config(false, null);

        @Override
        public String toString() {
            return (weighted ? "weights" : "users") + (halfLife == null ? "" : " half-life " + halfLife);
        }
    }

    private final double[] scores;
    /** Items by descending score (ties: lower index first), so top-n queries with filters stop early. */
    private final int[] order;

    private Popularity(double[] scores) {
        this.scores = scores;
        this.order = java.util.stream.IntStream.range(0, scores.length).boxed()
                .sorted((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }

    public static Recommender recommender(Config config) {
        return Recommender.of("Popularity(" + config + ")", train -> fit(train, config));
    }

    /** Popularity from given scores, e.g. counts within one segment or channel; the array is kept, not copied. */
    public static Popularity of(double[] scores) {
        return new Popularity(scores);
    }

    /** The baseline every model must beat, and the fallback for users without history. */
    public static Popularity fit(Interactions train, Config config) {
        double[] s = new double[train.itemCount()];
        long now = train.latestEpochSecond();
        for (int u = 0; u < train.userCount(); u++) {
            for (int p = train.rowStart(u); p < train.rowEnd(u); p++) {
                double w = config.weighted() ? train.weightAt(p) : 1;
                s[train.itemAt(p)] += w * History.decay(config.halfLife(), now - train.epochSecondAt(p));
            }
        }
        return new Popularity(s);
    }

    @Override
    public int itemCount() {
        return scores.length;
    }

    public double score(int item) {
        return scores[item];
    }

    /** The same global popularity for everyone. */
    @Override
    public void score(int user, double[] out) {
        System.arraycopy(scores, 0, out, 0, scores.length);
    }

    @Override
    public void score(History history, double[] out) {
        score(-1, out);
    }

    /** The n most popular items that {@code accept} accepts (e.g. in a category, not excluded), best first. */
    public List<ScoredItem> top(int n, IntPredicate accept) {
        List<ScoredItem> out = new ArrayList<>();
        for (int k = 0; k < order.length && out.size() < n; k++) {
            int i = order[k];
            if (scores[i] > 0 && (accept == null || accept.test(i))) {
                out.add(new ScoredItem(i, scores[i]));
            }
        }
        return out;
    }

    /** The n most popular items of {@code category} under the caller's item → category mapping. */
    public List<ScoredItem> topInCategory(String category, IntFunction<String> categoryOf, int n, IntPredicate accept) {
        return top(n, i -> category.equals(categoryOf.apply(i)) && (accept == null || accept.test(i)));
    }

    /** The n most popular items of every category, categories in order of their best item. */
    public Map<String, List<ScoredItem>> topPerCategory(IntFunction<String> categoryOf, int n) {
        Map<String, List<ScoredItem>> out = new LinkedHashMap<>();
        for (int i : order) {
            String c = categoryOf.apply(i);
            if (c != null && scores[i] > 0) {
                List<ScoredItem> list = out.computeIfAbsent(c, x -> new ArrayList<>());
                if (list.size() < n) {
                    list.add(new ScoredItem(i, scores[i]));
                }
            }
        }
        return out;
    }

    /** Scores as a copy, e.g. for blending. */
    public double[] scores() {
        return Arrays.copyOf(scores, scores.length);
    }
}
