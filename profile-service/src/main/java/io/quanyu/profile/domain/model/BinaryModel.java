package io.quanyu.profile.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import smile.classification.LogisticRegression;

/** A logistic-regression scorer trained with smile and kept as plain numbers, so it can be stored as JSON or a row. */
// Smile's LogisticRegression.Binomial is only java.io.Serializable, which would tie stored models to smile's class
// layout. Its coefficients() are p weights followed by the intercept and its score is 1 / (1 + exp(-(w.x + b))),
// which score() reproduces on the same transformed input (pinned by BinaryModelTest).
public record BinaryModel(Target target, Instant trainCutoff, Duration horizon, List<String> featureNames,
                          double[] means, double[] stds, double[] weights, double intercept) {

    /** L2 penalty: enough to keep weights finite when a feature separates the training set, small enough not to bias. */
    public static final double DEFAULT_LAMBDA = 0.1;

    public BinaryModel {
        Objects.requireNonNull(target, "target");
        featureNames = List.copyOf(featureNames);
        int p = featureNames.size();
        if (means.length != p || stds.length != p || weights.length != p) {
            throw new IllegalArgumentException("means, stds and weights need " + p + " entries each");
        }
        means = means.clone();
        stds = stds.clone();
        weights = weights.clone();
    }

    /** Trains on {@code set} with {@link #DEFAULT_LAMBDA}. */
    public static BinaryModel train(LabeledSet set) {
        return train(set, DEFAULT_LAMBDA);
    }

    /** Trains on {@code set}; fails with IllegalStateException when the labels leave nothing to learn. */
    public static BinaryModel train(LabeledSet set, double lambda) {
        int n = set.size();
        int positives = set.positives();
        if (n == 0 || positives == 0 || positives == n) {
            throw new IllegalStateException("cannot train " + set.target().wire() + " at " + set.cutoff() + ": "
                    + positives + " positives among " + n + " customers; both classes are needed");
        }
        int p = Features.NAMES.size();
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++) {
            t[i] = transform(set.x()[i]);
        }
        double[] means = new double[p];
        double[] stds = new double[p];
        for (int j = 0; j < p; j++) {
            double sum = 0;
            for (double[] row : t) {
                sum += row[j];
            }
            double mean = sum / n;
            double ss = 0;
            for (double[] row : t) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(ss / n);
            means[j] = mean;
            // A constant column (e.g. no carts in this shop) carries no signal; 1 keeps it at 0 instead of NaN.
            stds[j] = std > 1e-12 ? std : 1;
        }
        double[][] z = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                z[i][j] = (t[i][j] - means[j]) / stds[j];
            }
        }
        LogisticRegression.Binomial fit = LogisticRegression.binomial(z, set.y(),
                new LogisticRegression.Options(lambda, 1e-5, 500));
        double[] w = fit.coefficients();
        return new BinaryModel(set.target(), set.cutoff(), set.horizon(), Features.NAMES, means, stds,
                Arrays.copyOf(w, p), w[p]);
    }

    /** Probability of the positive class for raw features as returned by {@link Features#at}. */
    public double score(double[] features) {
        if (features.length != weights.length) {
            throw new IllegalArgumentException("expected " + weights.length + " features, got " + features.length);
        }
        double[] t = transform(features);
        double eta = intercept;
        for (int j = 0; j < weights.length; j++) {
            eta += weights[j] * (t[j] - means[j]) / stds[j];
        }
        return 1 / (1 + Math.exp(-eta));
    }

    /**
     * log1p of every (non-negative) feature: counts, spend and day gaps are heavy-tailed, and on the raw scale a
     * handful of very active customers would set the slope for everyone.
     */
    static double[] transform(double[] features) {
        double[] t = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            t[j] = Math.log1p(Math.max(0, features[j]));
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BinaryModel m && target == m.target && Objects.equals(trainCutoff, m.trainCutoff)
                && Objects.equals(horizon, m.horizon) && featureNames.equals(m.featureNames)
                && Arrays.equals(means, m.means) && Arrays.equals(stds, m.stds) && Arrays.equals(weights, m.weights)
                && Double.compare(intercept, m.intercept) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(target, trainCutoff, horizon, featureNames, Arrays.hashCode(means), Arrays.hashCode(stds),
                Arrays.hashCode(weights), intercept);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("BinaryModel[" + target.wire() + ", trained at " + trainCutoff
                + ", horizon " + horizon.toDays() + "d, intercept " + String.format(java.util.Locale.ROOT, "%.3f", intercept));
        for (int j = 0; j < weights.length; j++) {
            sb.append(String.format(java.util.Locale.ROOT, ", %s %+.3f", featureNames.get(j), weights[j]));
        }
        return sb.append(']').toString();
    }
}
