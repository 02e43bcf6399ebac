package io.quanyu.recommender.domain;

import java.util.Arrays;

/**
 * Item-based neighbourhood model on baseline residuals (Koren's kNN-baseline): r̂_ui = b_ui + Σ s_ij (r_uj − b_uj) /
 * Σ s_ij over the k items j the user rated that are most similar to i. Similarity is the Pearson correlation of the
 * two items' baseline residuals over their common raters, shrunk towards zero when few users rated both.
 */
public final class ItemKnnBaseline implements RatingPredictor {

    /**
     * Hyperparameters.
     *
     * @param neighbours how many of the user's rated items, the most similar positive ones, vote
     * @param shrinkage  a similarity over n common raters is scaled by (n − 1) / (n − 1 + shrinkage)
     * @param keep       positive similarities kept per item (the strongest); bounds memory on large catalogs
     * @param baseline   the biases the residuals are taken from
     */
    public record Config(int neighbours, double shrinkage, int keep, BaselinePredictor.Config baseline) {

        public Config {
            if (neighbours < 1 || shrinkage < 0 || keep < 1) {
                throw new IllegalArgumentException("invalid kNN-baseline config");
            }
        }

        public Config withNeighbours(int neighbours) {
            return new Config(neighbours, shrinkage, keep, baseline);
        }

        @Override
        public String toString() {
            return "k=" + neighbours + " shrinkage=" + shrinkage + " keep=" + keep + " baseline(" + baseline + ")";
        }
    }

    private final RatingTriples train;
    private final Config config;
    private final BaselinePredictor baseline;
    private final float[] residual;
    private final RatingTriples.Rows byUser;
    private final int[] neighbourStart;
    private final int[] neighbourItem;
    private final float[] neighbourSim;

    private ItemKnnBaseline(RatingTriples train, Config config, BaselinePredictor baseline, float[] residual,
            RatingTriples.Rows byUser, int[] neighbourStart, int[] neighbourItem, float[] neighbourSim) {
        this.train = train;
        this.config = config;
        this.baseline = baseline;
        this.residual = residual;
        this.byUser = byUser;
        this.neighbourStart = neighbourStart;
        this.neighbourItem = neighbourItem;
        this.neighbourSim = neighbourSim;
    }

    public static ItemKnnBaseline fit(RatingTriples train, Config config) {
        BaselinePredictor baseline = BaselinePredictor.fit(train, config.baseline());
        int[] users = train.users();
        int[] items = train.items();
        float[] z = new float[train.size()];
        for (int p = 0; p < z.length; p++) {
            z[p] = (float) (train.ratings()[p] - baseline.baseline(users[p], items[p]));
        }
        RatingTriples.Rows byUser = train.byUser();
        RatingTriples.Rows byItem = train.byItem();
        int n = train.itemCount();
        double[] sxy = new double[n];
        double[] sxx = new double[n];
        double[] syy = new double[n];
        int[] common = new int[n];
        int[] touched = new int[n];
        int[] start = new int[n + 1];
        int[][] rowItems = new int[n][];
        float[][] rowSims = new float[n][];
        // Row by row, accumulating over the users who rated i: O(Σ_u n_u²) time, O(items) scratch, no dense matrix.
        for (int i = 0; i < n; i++) {
            int nTouched = 0;
            for (int a = byItem.start()[i]; a < byItem.start()[i + 1]; a++) {
                int pi = byItem.order()[a];
                int u = users[pi];
                double x = z[pi];
                for (int b = byUser.start()[u]; b < byUser.start()[u + 1]; b++) {
                    int pj = byUser.order()[b];
                    int j = items[pj];
                    if (j == i) {
                        continue;
                    }
                    if (common[j]++ == 0) {
                        touched[nTouched++] = j;
                    }
                    double y = z[pj];
                    sxy[j] += x * y;
                    sxx[j] += x * x;
                    syy[j] += y * y;
                }
            }
            TopN strongest = new TopN(Math.min(config.keep(), Math.max(nTouched, 0)));
            for (int t = 0; t < nTouched; t++) {
                int j = touched[t];
                double denominator = Math.sqrt(sxx[j] * syy[j]);
                if (common[j] > 1 && denominator > 0) {
                    double s = sxy[j] / denominator * (common[j] - 1) / (common[j] - 1 + config.shrinkage());
                    if (s > 0) {
                        strongest.offer(j, s);
                    }
                }
                sxy[j] = sxx[j] = syy[j] = 0;
                common[j] = 0;
            }
            // Kept sorted by neighbour index so that prediction finds s_ij by binary search.
            int[] js = new int[strongest.size()];
            float[] ss = new float[js.length];
            long[] packed = new long[js.length];
            int m = 0;
            for (ScoredItem s : strongest.sorted()) {
                packed[m++] = ((long) s.item() << 32) | Float.floatToIntBits((float) s.score());
            }
            Arrays.sort(packed);
            for (int x = 0; x < m; x++) {
                js[x] = (int) (packed[x] >>> 32);
                ss[x] = Float.intBitsToFloat((int) packed[x]);
            }
            rowItems[i] = js;
            rowSims[i] = ss;
            start[i + 1] = start[i] + m;
        }
        int[] flatItems = new int[start[n]];
        float[] flatSims = new float[start[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rowItems[i], 0, flatItems, start[i], rowItems[i].length);
            System.arraycopy(rowSims[i], 0, flatSims, start[i], rowSims[i].length);
        }
        return new ItemKnnBaseline(train, config, baseline, z, byUser, start, flatItems, flatSims);
    }

    /** The same similarities voting with another neighbourhood size: a grid over k needs one fit. */
    public ItemKnnBaseline withNeighbours(int neighbours) {
        return new ItemKnnBaseline(train, config.withNeighbours(neighbours), baseline, residual, byUser,
                neighbourStart, neighbourItem, neighbourSim);
    }

    public Config config() {
        return config;
    }

    @Override
    public RatingTriples train() {
        return train;
    }

    /** Stored similarity of items i and j, 0 when not among i's kept positive neighbours. */
    double similarity(int i, int j) {
        int at = Arrays.binarySearch(neighbourItem, neighbourStart[i], neighbourStart[i + 1], j);
        return at >= 0 ? neighbourSim[at] : 0;
    }

    @Override
    public double predict(int user, int item) {
        double b = baseline.baseline(user, item);
        if (!RatingPredictor.known(user, train.userCount()) || !RatingPredictor.known(item, train.itemCount())) {
            return train.clip(b);
        }
        TopN votes = new TopN(config.neighbours());
        for (int a = byUser.start()[user]; a < byUser.start()[user + 1]; a++) {
            int p = byUser.order()[a];
            double s = similarity(item, train.items()[p]);
            if (s > 0) {
                votes.offer(p, s);
            }
        }
        double num = 0;
        double den = 0;
        for (ScoredItem v : votes.sorted()) {
            num += v.score() * residual[v.item()];
            den += v.score();
        }
        return train.clip(den > 0 ? b + num / den : b);
    }
}
