package io.quanyu.recommender.domain;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Bayesian Personalized Ranking matrix factorisation (Rendle et al. 2009) with item biases and user fold-in. */
public final class Bpr implements FactorScorer {

    /**
     * Hyperparameters.
     *
     * @param factors        latent dimensions
     * @param epochs         passes; one pass draws as many triples as there are cells
     * @param learningRate   SGD step
     * @param regularization L2 penalty on the factors and biases touched by a step
     * @param seed           everything random (initialisation, sampling) derives from it
     */
    public record Config(int factors, int epochs, double learningRate, double regularization, long seed) {
        public Config {
            if (factors < 1 || epochs < 0 || !(learningRate > 0) || regularization < 0) {
                throw new IllegalArgumentException("invalid BPR config");
            }
        }

        @Override
        public String toString() {
            return "k=" + factors + " epochs=" + epochs + " lr=" + learningRate + " reg=" + regularization;
        }
    }

    /** Initial factors are N(0, INIT_SD²): small enough not to bias the ranking, large enough to break symmetry. */
    private static final double INIT_SD = 0.01;

    private final Interactions train;
    private final Config config;
    private final int k;
    private final float[] userFactors;
    private final float[] itemFactors;
    private final float[] itemBias;

    private Bpr(Interactions train, Config config) {
        this.train = train;
        this.config = config;
        this.k = config.factors();
        SplittableRandom init = new SplittableRandom(config.seed());
        userFactors = gaussian(train.userCount() * k, init);
        itemFactors = gaussian(train.itemCount() * k, init);
        itemBias = new float[train.itemCount()];
    }

    public static Recommender recommender(Config config) {
        return Recommender.of("BPR(" + config + ")", train -> fit(train, config));
    }

    public static Bpr fit(Interactions train, Config config) {
        Bpr m = new Bpr(train, config);
        m.train();
        return m;
    }

    public Config config() {
        return config;
    }

    private void train() {
        int nnz = train.size();
        if (nnz == 0) {
            return;
        }
        int[] userOf = new int[nnz];
        for (int u = 0; u < train.userCount(); u++) {
            Arrays.fill(userOf, train.rowStart(u), train.rowEnd(u), u);
        }
        // Positives are drawn in proportion to their weight, so a purchase teaches more than a view.
        double[] cumulative = cumulativeWeights(train);
        SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 1);
        float[] grad = new float[k];
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            for (int s = 0; s < nnz; s++) {
                int p = sample(cumulative, rnd);
                int u = userOf[p];
                int j = rnd.nextInt(train.itemCount());
                // A "negative" the user actually has would teach the opposite of the truth: skip it.
                if (train.contains(u, j)) {
                    continue;
                }
                step(userFactors, u * k, train.itemAt(p), j, true, grad);
            }
        }
    }

    /**
     * One SGD step on −ln σ(x), x = b_i − b_j + ⟨p_u, q_i − q_j⟩, at user offset {@code uo} of {@code users}; the
     * item side moves too unless frozen (fold-in).
     */
    private void step(float[] users, int uo, int i, int j, boolean updateItems, float[] grad) {
        int io = i * k;
        int jo = j * k;
        double x = itemBias[i] - itemBias[j];
        for (int f = 0; f < k; f++) {
            x += users[uo + f] * (itemFactors[io + f] - itemFactors[jo + f]);
        }
        double z = 1.0 / (1.0 + Math.exp(x)); // σ(−x): how wrong the current order is
        float lr = (float) config.learningRate();
        float reg = (float) config.regularization();
        float zf = (float) z;
        for (int f = 0; f < k; f++) {
            float pu = users[uo + f];
            float qi = itemFactors[io + f];
            float qj = itemFactors[jo + f];
            grad[f] = zf * (qi - qj) - reg * pu;
            if (updateItems) {
                itemFactors[io + f] = qi + lr * (zf * pu - reg * qi);
                itemFactors[jo + f] = qj + lr * (-zf * pu - reg * qj);
            }
        }
        for (int f = 0; f < k; f++) {
            users[uo + f] += lr * grad[f];
        }
        if (updateItems) {
            itemBias[i] += lr * (zf - reg * itemBias[i]);
            itemBias[j] += lr * (-zf - reg * itemBias[j]);
        }
    }

    /**
     * A user vector for {@code items} with {@code weights}, learned by SGD on this user alone with the item factors
     * and biases frozen, for as many passes over the user's items as training made. Deterministic for given inputs.
     */
    public float[] foldIn(int[] items, double[] weights) {
        float[] user = new float[k];
        if (items.length == 0) {
            return user;
        }
        double[] cumulative = new double[items.length];
        double total = 0;
        for (int h = 0; h < items.length; h++) {
            total += Math.max(0, weights[h]);
            cumulative[h] = total;
        }
        if (total <= 0) {
            return user;
        }
        int[] sorted = items.clone();
        Arrays.sort(sorted);
        SplittableRandom rnd = new SplittableRandom(config.seed() ^ Arrays.hashCode(sorted));
        float[] grad = new float[k];
        long steps = (long) config.epochs() * items.length;
        for (long s = 0; s < steps; s++) {
            int h = sample(cumulative, rnd);
            int j = rnd.nextInt(train.itemCount());
            if (Arrays.binarySearch(sorted, j) >= 0) {
                continue;
            }
            step(user, 0, items[h], j, false, grad);
        }
        return user;
    }

    public float[] foldIn(History history) {
        return foldIn(history.items(), history.weights());
    }

    /** A copy of a training user's learned vector. */
    public float[] userFactors(int user) {
        return Arrays.copyOfRange(userFactors, user * k, (user + 1) * k);
    }

    /** The factors plus one: the item bias rides as a last item coordinate against a constant 1 in the user's. */
    @Override
    public int dimensions() {
        return k + 1;
    }

    @Override
    public float[] itemVectors() {
        float[] out = new float[itemBias.length * (k + 1)];
        for (int i = 0; i < itemBias.length; i++) {
            System.arraycopy(itemFactors, i * k, out, i * (k + 1), k);
            out[i * (k + 1) + k] = itemBias[i];
        }
        return out;
    }

    @Override
    public double[] userVector(int user) {
        return withBias(userFactors(user));
    }

    @Override
    public double[] userVector(History history) {
        return withBias(foldIn(history));
    }

    private static double[] withBias(float[] user) {
        double[] out = new double[user.length + 1];
        for (int f = 0; f < user.length; f++) {
            out[f] = user[f];
        }
        out[user.length] = 1;
        return out;
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    @Override
    public void score(int user, double[] out) {
        score(userFactors, user * k, out);
    }

    /** Scores via {@link #foldIn(History)}. */
    @Override
    public void score(History history, double[] out) {
        score(foldIn(history), out);
    }

    /** Scores for a user vector, e.g. one from {@link #foldIn}: item bias + dot product. */
    public void score(float[] userVector, double[] out) {
        score(userVector, 0, out);
    }

    private void score(float[] users, int uo, double[] out) {
        for (int i = 0; i < out.length; i++) {
            int io = i * k;
            double s = itemBias[i];
            for (int f = 0; f < k; f++) {
                s += users[uo + f] * itemFactors[io + f];
            }
            out[i] = s;
        }
    }

    private static float[] gaussian(int n, SplittableRandom rnd) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) (rnd.nextGaussian() * INIT_SD);
        }
        return a;
    }

    private static double[] cumulativeWeights(Interactions data) {
        double[] c = new double[data.size()];
        double total = 0;
        for (int p = 0; p < c.length; p++) {
            total += data.weightAt(p);
            c[p] = total;
        }
        return c;
    }

    /** Index drawn with probability proportional to its weight (binary search in the cumulative sums). */
    private static int sample(double[] cumulative, SplittableRandom rnd) {
        double r = rnd.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
