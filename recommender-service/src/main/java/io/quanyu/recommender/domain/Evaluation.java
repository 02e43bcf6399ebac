package io.quanyu.recommender.domain;

import java.util.BitSet;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** The Microsoft Recommenders MovieLens protocol: stratified split, top-k over unseen items, ranking metrics. */
public final class Evaluation {

    private Evaluation() {
    }

    /** Train and test over the same dictionaries, so user and item indexes agree. */
    public record Split(Interactions train, Interactions test, double trainRatio, long seed) {
    }

    /**
     * Averages over evaluated users. nDCG uses binary gains with the ideal DCG over min(|test|, k) hits; precision
     * divides hits by k; recall by |test|; MAP@k averages precision at each hit over min(|test|, k); coverage is the
     * share of all catalog items that appear in at least one top-k list.
     */
    public record Metrics(int users, int k, double ndcg, double precision, double recall, double map, double coverage) {
        public String summary() {
            return String.format(Locale.ROOT, "nDCG@%d %.3f / P@%d %.3f / R@%d %.3f / MAP@%d %.3f / coverage %.3f",
                    k, ndcg, k, precision, k, recall, k, map, coverage);
        }
    }

    /** Metrics of one fitted recommender with its fit and evaluation wall times. */
    public record Result(String model, Metrics metrics, long fitMillis, long evalMillis) {
        public String line() {
            return String.format(Locale.ROOT, "%s: %s (fit %d ms, eval %d ms)", model, metrics.summary(), fitMillis,
                    evalMillis);
        }
    }

    /**
     * Per user, shuffles their cells with a generator seeded from {@code seed} and sends round(ratio × n) of them
     * (at least one) to train, the rest to test. Users are visited in index order, so the split is a pure function of
     * the matrix and the seed.
     */
    public static Split stratifiedSplit(Interactions data, double trainRatio, long seed) {
        if (!(trainRatio > 0 && trainRatio <= 1)) {
            throw new IllegalArgumentException("trainRatio must be in (0, 1]: " + trainRatio);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        BitSet inTrain = new BitSet(data.size());
        for (int u = 0; u < data.userCount(); u++) {
            int from = data.rowStart(u);
            int n = data.rowEnd(u) - from;
            if (n == 0) {
                continue;
            }
            int[] order = IntStream.range(from, from + n).toArray();
            for (int i = n - 1; i > 0; i--) { // Fisher–Yates
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            int nTrain = Math.max(1, (int) Math.round(trainRatio * n));
            for (int i = 0; i < nTrain; i++) {
                inTrain.set(order[i]);
            }
        }
        return new Split(data.select(inTrain::get), data.select(p -> !inTrain.get(p)), trainRatio, seed);
    }

    /** Fits on the split's train part and evaluates top-10, timing both. */
    public static Result evaluate(Recommender recommender, Split split) {
        return evaluate(recommender, split, 10);
    }

    public static Result evaluate(Recommender recommender, Split split, int k) {
        long t0 = System.nanoTime();
        Scorer scorer = recommender.fit(split.train());
        long t1 = System.nanoTime();
        Metrics m = metrics(scorer, split, k);
        long t2 = System.nanoTime();
        return new Result(recommender.name(), m, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    /** Evaluates an already fitted scorer; users are scored in parallel, which changes no figure. */
    public static Metrics metrics(Scorer scorer, Split split, int k) {
        return metrics(split, k, (user, out) -> scorer.score(user, out));
    }

    /** Scores for one user into a buffer: lets callers evaluate anything, e.g. fold-in or cached blends. */
    @FunctionalInterface
    public interface UserScores {
        void score(int user, double[] out);
    }

    /**
     * For every user with a test cell: the top-k of {@code scores} over all items not in their train row, judged
     * against their test row; averaged over those users.
     */
    public static Metrics metrics(Split split, int k, UserScores scores) {
        Interactions train = split.train();
        Interactions test = split.test();
        int nItems = train.itemCount();
        int[] users = IntStream.range(0, test.userCount()).filter(u -> test.userDegree(u) > 0).toArray();
        double[][] perUser = new double[users.length][];
        int[][] lists = new int[users.length][];
        IntStream.range(0, users.length).parallel().forEach(x -> {
            int u = users[x];
            double[] s = new double[nItems];
            scores.score(u, s);
            int[] top = TopN.of(s, k, i -> train.contains(u, i)).stream().mapToInt(ScoredItem::item).toArray();
            lists[x] = top;
            perUser[x] = userMetrics(top, test, u, k);
        });
        double[] sum = new double[4];
        BitSet recommended = new BitSet(nItems);
        for (int x = 0; x < users.length; x++) {
            for (int m = 0; m < 4; m++) {
                sum[m] += perUser[x][m];
            }
            for (int i : lists[x]) {
                recommended.set(i);
            }
        }
        int n = Math.max(1, users.length);
        return new Metrics(users.length, k, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n,
                nItems == 0 ? 0 : recommended.cardinality() / (double) nItems);
    }

    /** nDCG, precision, recall and AP of one ranked list against the user's test row. */
    static double[] userMetrics(int[] ranked, Interactions test, int user, int k) {
        int relevant = test.userDegree(user);
        double dcg = 0;
        double apSum = 0;
        int hits = 0;
        for (int r = 0; r < Math.min(k, ranked.length); r++) {
            if (test.contains(user, ranked[r])) {
                hits++;
                dcg += 1 / log2(r + 2);
                apSum += hits / (double) (r + 1);
            }
        }
        double idcg = 0;
        for (int r = 0; r < Math.min(relevant, k); r++) {
            idcg += 1 / log2(r + 2);
        }
        return new double[] {dcg / idcg, hits / (double) k, hits / (double) relevant,
            apSum / Math.min(relevant, k)};
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    /** One line describing the split and protocol, for reports next to the figures. */
    public static String protocol(Split split, int k) {
        long users = IntStream.range(0, split.test().userCount()).filter(u -> split.test().userDegree(u) > 0).count();
        return String.format(Locale.ROOT, "per-user stratified random split %.0f/%.0f (seed %d): %d train / %d test "
                + "cells, %d users evaluated, top-%d over items not in the user's train row, relevance = in test",
                split.trainRatio() * 100, (1 - split.trainRatio()) * 100, split.seed(), split.train().size(),
                split.test().size(), users, k);
    }
}
