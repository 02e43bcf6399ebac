package io.quanyu.recommender.domain;

import java.util.Arrays;

/**
 * Ratings as global mean plus a user bias and an item bias (Koren's baseline estimates), each bias a ridge-regularised
 * average of what the others leave unexplained, fitted by alternating closed-form passes. The floor a latent-factor
 * model must beat, and the baseline the neighbourhood model corrects.
 */
public final class BaselinePredictor implements RatingPredictor {

    /**
     * Hyperparameters.
     *
     * @param userRegularization λu: a user with n ratings gets n / (n + λu) of their mean residual as bias
     * @param itemRegularization λi: the same for items
     * @param passes             alternations of the item and user solves
     */
    public record Config(double userRegularization, double itemRegularization, int passes) {

        /** Surprise's BaselineOnly defaults, a sound start for 1–5 star scales. */
        public static final Config DEFAULT = new Config(15, 10, 10);

        public Config {
            if (userRegularization < 0 || itemRegularization < 0 || passes < 1) {
                throw new IllegalArgumentException("invalid baseline config");
            }
        }

        @Override
        public String toString() {
            return "λu=" + userRegularization + " λi=" + itemRegularization + " passes=" + passes;
        }
    }

    private final RatingTriples train;
    private final Config config;
    private final double mean;
    private final double[] userBias;
    private final double[] itemBias;

    private BaselinePredictor(RatingTriples train, Config config, double mean, double[] userBias, double[] itemBias) {
        this.train = train;
        this.config = config;
        this.mean = mean;
        this.userBias = userBias;
        this.itemBias = itemBias;
    }

    public static BaselinePredictor fit(RatingTriples train, Config config) {
        double mean = train.mean();
        double[] bu = new double[train.userCount()];
        double[] bi = new double[train.itemCount()];
        double[] sum = new double[Math.max(bu.length, bi.length)];
        int[] count = new int[sum.length];
        int[] users = train.users();
        int[] items = train.items();
        double[] r = train.ratings();
        for (int pass = 0; pass < config.passes(); pass++) {
            // Items first: with user biases still zero, the first item solve is the classic damped item mean.
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int p = 0; p < r.length; p++) {
                sum[items[p]] += r[p] - mean - bu[users[p]];
                count[items[p]]++;
            }
            for (int i = 0; i < bi.length; i++) {
                bi[i] = sum[i] / (config.itemRegularization() + count[i]);
            }
            Arrays.fill(sum, 0);
            Arrays.fill(count, 0);
            for (int p = 0; p < r.length; p++) {
                sum[users[p]] += r[p] - mean - bi[items[p]];
                count[users[p]]++;
            }
            for (int u = 0; u < bu.length; u++) {
                bu[u] = sum[u] / (config.userRegularization() + count[u]);
            }
        }
        return new BaselinePredictor(train, config, mean, bu, bi);
    }

    public Config config() {
        return config;
    }

    @Override
    public RatingTriples train() {
        return train;
    }

    /** μ + b_u + b_i, unclipped; an unknown user or item contributes no bias. */
    public double baseline(int user, int item) {
        return mean + userBias(user) + itemBias(item);
    }

    public double mean() {
        return mean;
    }

    public double userBias(int user) {
        return RatingPredictor.known(user, userBias.length) ? userBias[user] : 0;
    }

    public double itemBias(int item) {
        return RatingPredictor.known(item, itemBias.length) ? itemBias[item] : 0;
    }

    @Override
    public double predict(int user, int item) {
        return train.clip(baseline(user, item));
    }
}
