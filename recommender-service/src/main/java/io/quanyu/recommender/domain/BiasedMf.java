package io.quanyu.recommender.domain;

import java.util.Random;
import java.util.SplittableRandom;

/**
 * Biased matrix factorisation for explicit ratings, Funk-SVD style: r̂ = μ + b_u + b_i + p_u·q_i, fitted by stochastic
 * gradient descent on squared error with L2 penalties. Deterministic for a given seed (initialisation and the order of
 * every epoch derive from it). An unknown user or item drops its bias and the interaction term.
 */
public final class BiasedMf implements RatingPredictor {

    /**
     * Hyperparameters.
     *
     * @param factors              latent dimensions
     * @param epochs               passes over the ratings, each in a fresh random order
     * @param learningRate         SGD step
     * @param regularization       L2 penalty on the factors
     * @param biasRegularization   L2 penalty on the biases
     * @param seed                 everything random derives from it
     */
    public record Config(int factors, int epochs, double learningRate, double regularization,
            double biasRegularization, long seed) {

        public Config {
            if (factors < 1 || epochs < 0 || !(learningRate > 0) || regularization < 0 || biasRegularization < 0) {
                throw new IllegalArgumentException("invalid MF config");
            }
        }

        public Config withEpochs(int epochs) {
            return new Config(factors, epochs, learningRate, regularization, biasRegularization, seed);
        }

        @Override
        public String toString() {
            return "k=" + factors + " epochs=" + epochs + " lr=" + learningRate + " λ=" + regularization + " λb="
                    + biasRegularization;
        }
    }

    /**
     * Called after each epoch with the model as trained so far, so that a caller can trace validation error per epoch;
     * returning false ends training there (early stopping).
     */
    @FunctionalInterface
    public interface EpochListener {
        boolean afterEpoch(int epoch, BiasedMf model);
    }

    /**
     * Initial factors are N(0, INIT_SD²), Surprise's choice: with small factors the early epochs fit the biases and the
     * interaction term grows only as far as the data supports it.
     */
    private static final double INIT_SD = 0.1;

    private final RatingTriples train;
    private final Config config;
    private final int k;
    private final double mean;
    private final double[] userBias;
    private final double[] itemBias;
    private final double[] userFactors;
    private final double[] itemFactors;

    private BiasedMf(RatingTriples train, Config config) {
        this.train = train;
        this.config = config;
        this.k = config.factors();
        this.mean = train.mean();
        userBias = new double[train.userCount()];
        itemBias = new double[train.itemCount()];
        Random init = new Random(config.seed());
        userFactors = gaussian(train.userCount() * k, init);
        itemFactors = gaussian(train.itemCount() * k, init);
    }

    public static BiasedMf fit(RatingTriples train, Config config) {
        return fit(train, config, null);
    }

    public static BiasedMf fit(RatingTriples train, Config config, EpochListener listener) {
        BiasedMf m = new BiasedMf(train, config);
        SplittableRandom order = new SplittableRandom(config.seed() ^ 0x5DEECE66DL);
        int[] perm = new int[train.size()];
        for (int p = 0; p < perm.length; p++) {
            perm[p] = p;
        }
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            for (int p = perm.length - 1; p > 0; p--) { // Fisher–Yates
                int q = order.nextInt(p + 1);
                int t = perm[p];
                perm[p] = perm[q];
                perm[q] = t;
            }
            m.epoch(perm);
            if (listener != null && !listener.afterEpoch(epoch, m)) {
                break;
            }
        }
        return m;
    }

    private void epoch(int[] perm) {
        int[] users = train.users();
        int[] items = train.items();
        double[] r = train.ratings();
        double lr = config.learningRate();
        double reg = config.regularization();
        double regB = config.biasRegularization();
        for (int p : perm) {
            int u = users[p];
            int i = items[p];
            int pu = u * k;
            int qi = i * k;
            double dot = 0;
            for (int f = 0; f < k; f++) {
                dot += userFactors[pu + f] * itemFactors[qi + f];
            }
            double e = r[p] - (mean + userBias[u] + itemBias[i] + dot);
            userBias[u] += lr * (e - regB * userBias[u]);
            itemBias[i] += lr * (e - regB * itemBias[i]);
            for (int f = 0; f < k; f++) {
                double x = userFactors[pu + f];
                double y = itemFactors[qi + f];
                userFactors[pu + f] += lr * (e * y - reg * x);
                itemFactors[qi + f] += lr * (e * x - reg * y);
            }
        }
    }

    private static double[] gaussian(int n, Random rnd) {
        double[] a = new double[n];
        for (int x = 0; x < n; x++) {
            a[x] = INIT_SD * rnd.nextGaussian();
        }
        return a;
    }

    public Config config() {
        return config;
    }

    @Override
    public RatingTriples train() {
        return train;
    }

    @Override
    public double predict(int user, int item) {
        boolean u = RatingPredictor.known(user, userBias.length);
        boolean i = RatingPredictor.known(item, itemBias.length);
        double x = mean + (u ? userBias[user] : 0) + (i ? itemBias[item] : 0);
        if (u && i) {
            for (int f = 0, pu = user * k, qi = item * k; f < k; f++) {
                x += userFactors[pu + f] * itemFactors[qi + f];
            }
        }
        return train.clip(x);
    }
}
