package io.quanyu.recommender.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Grid search of hybrid blend weights on a validation split, caching each component's normalised scores. */
public final class BlendSearch {

    private BlendSearch() {
    }

    /** One weight vector (in component order) and its validation metrics. */
    public record Candidate(double[] weights, Evaluation.Metrics metrics) {
        public String describe(List<String> names) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < weights.length; c++) {
                sb.append(c == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.2f·%s", weights[c], names.get(c)));
            }
            return sb.toString();
        }
    }

    /** The best candidate by nDCG (earlier grid points win ties) and every candidate tried. */
    public record Result(List<String> names, Candidate best, List<Candidate> all) {
    }

    /**
     * Tries every weight vector of {@code grid} on {@code validation} with components already fitted on
     * {@code validation.train()}; ranks by nDCG@k. Pass a split carved out of the training data, never the test split,
     * or the chosen weights are fitted to the figures they are meant to be judged by.
     */
    public static Result search(List<String> names, List<? extends Scorer> components, Evaluation.Split validation,
            List<double[]> grid, int k) {
        Interactions train = validation.train();
        int nItems = train.itemCount();
        // Each component scores each validation user once, normalised as the hybrid does and cached as floats: a
        // weight vector then costs a weighted sum and a top-k instead of re-running the models.
        int nc = components.size();
        int[] users = IntStream.range(0, validation.test().userCount())
                .filter(u -> validation.test().userDegree(u) > 0).toArray();
        int[] row = new int[train.userCount()];
        Arrays.fill(row, -1);
        float[][][] cache = new float[users.length][][];
        IntStream.range(0, users.length).parallel().forEach(x -> {
            int u = users[x];
            double[] buf = new double[nItems];
            cache[x] = new float[nc][nItems];
            for (int c = 0; c < nc; c++) {
                components.get(c).score(u, buf);
                HybridRecommender.normalize(buf, i -> !train.contains(u, i));
                for (int i = 0; i < nItems; i++) {
                    cache[x][c][i] = (float) buf[i];
                }
            }
        });
        for (int x = 0; x < users.length; x++) {
            row[users[x]] = x;
        }
        List<Candidate> all = new ArrayList<>();
        Candidate best = null;
        for (double[] w : grid) {
            if (w.length != nc) {
                throw new IllegalArgumentException("weight vector length " + w.length + " != " + nc + " components");
            }
            Evaluation.Metrics m = Evaluation.metrics(validation, k, (u, out) -> {
                float[][] cached = cache[row[u]];
                Arrays.fill(out, 0);
                for (int c = 0; c < nc; c++) {
                    if (w[c] != 0) {
                        for (int i = 0; i < nItems; i++) {
                            out[i] += w[c] * cached[c][i];
                        }
                    }
                }
            });
            Candidate cand = new Candidate(w.clone(), m);
            all.add(cand);
            if (best == null || m.ndcg() > best.metrics().ndcg()) {
                best = cand;
            }
        }
        return new Result(List.copyOf(names), best, all);
    }

    /** Every weight vector of {@code components} non-negative multiples of 1/steps summing to 1. */
    public static List<double[]> simplex(int components, int steps) {
        List<double[]> out = new ArrayList<>();
        fill(new int[components], 0, steps, steps, out);
        return out;
    }

    private static void fill(int[] parts, int at, int left, int steps, List<double[]> out) {
        if (at == parts.length - 1) {
            parts[at] = left;
            out.add(Arrays.stream(parts).mapToDouble(p -> p / (double) steps).toArray());
            return;
        }
        for (int p = left; p >= 0; p--) {
            parts[at] = p;
            fill(parts, at + 1, left - p, steps, out);
        }
    }
}
