package io.quanyu.profile.domain.model;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Time-based evaluation: train at one cutoff, test at a later one on unseen labels, and compare with a heuristic. */
// The heuristic is there so that a model which does not beat "most recent purchases first" is visible as such.
public final class Evaluation {

    /** Precision is measured on the top 10 % of the scored customers, the size of a typical campaign audience. */
    public static final double TOP_FRACTION = 0.10;

    private Evaluation() {
    }

    /** AUC and precision at the top {@link #TOP_FRACTION} of one ranking on the test set. */
    public record Metrics(double auc, double precisionAtK) {
    }

    /** Outcome for one target: the protocol, set sizes, positive rates, and the model's and baseline's metrics. */
    public record Report(Target target, Instant trainCutoff, Instant testCutoff, Duration horizon,
                         int trainSize, double trainPositiveRate, int testSize, double testPositiveRate, int k,
                         Metrics model, Metrics baseline, BinaryModel trained) {

        public boolean modelBeatsBaseline() {
            return model.auc() > baseline.auc();
        }

        public String format() {
            return String.format(Locale.ROOT,
                    "%s: train features<=%s labels(%s, +%dd] n=%d pos=%.3f | test features<=%s labels(%s, +%dd] n=%d"
                            + " pos=%.3f | k=%d | model AUC=%.3f P@k=%.3f | baseline AUC=%.3f P@k=%.3f",
                    target.wire(), trainCutoff, trainCutoff, horizon.toDays(), trainSize, trainPositiveRate,
                    testCutoff, testCutoff, horizon.toDays(), testSize, testPositiveRate, k,
                    model.auc(), model.precisionAtK(), baseline.auc(), baseline.precisionAtK());
        }
    }

    /** Both targets under one protocol. */
    public static Map<Target, Report> evaluate(List<CustomerHistory> histories, Instant trainCutoff,
                                               Instant testCutoff, Duration horizon) {
        Map<Target, Report> reports = new EnumMap<>(Target.class);
        for (Target t : Target.values()) {
            reports.put(t, evaluate(histories, t, trainCutoff, testCutoff, horizon));
        }
        return reports;
    }

    /**
     * Trains at {@code trainCutoff} (labels in (trainCutoff, trainCutoff + horizon]) and tests at {@code testCutoff}
     * (labels in (testCutoff, testCutoff + horizon]).
     *
     * @throws IllegalArgumentException when the training label window reaches past the test cutoff (the model would
     *         have seen test-period behaviour) or the test window reaches past the end of the data (labels censored)
     */
    public static Report evaluate(List<CustomerHistory> histories, Target target, Instant trainCutoff,
                                  Instant testCutoff, Duration horizon) {
        if (trainCutoff.plus(horizon).isAfter(testCutoff)) {
            throw new IllegalArgumentException("training labels end at " + trainCutoff.plus(horizon)
                    + ", after the test cutoff " + testCutoff + ": the label windows would overlap");
        }
        Instant dataEnd = histories.stream().filter(h -> !h.activities().isEmpty())
                .map(h -> h.activities().getLast().time()).max(Instant::compareTo).orElse(Instant.MIN);
        if (testCutoff.plus(horizon).isAfter(dataEnd)) {
            throw new IllegalArgumentException("test labels need data until " + testCutoff.plus(horizon)
                    + " but the histories end at " + dataEnd + ": every customer would look silent at the end");
        }
        LabeledSet train = LabeledSet.build(histories, target, trainCutoff, horizon);
        LabeledSet test = LabeledSet.build(histories, target, testCutoff, horizon);
        if (test.positives() == 0 || test.positives() == test.size()) {
            throw new IllegalStateException("test set at " + testCutoff + " has " + test.positives() + " positives among "
                    + test.size() + ": AUC is undefined");
        }
        BinaryModel model = BinaryModel.train(train);
        int n = test.size();
        double[] modelScores = new double[n];
        double[] baselineScores = new double[n];
        for (int i = 0; i < n; i++) {
            modelScores[i] = model.score(test.x()[i]);
            baselineScores[i] = baselineScore(target, test.x()[i]);
        }
        int k = RankingMetrics.topK(n, TOP_FRACTION);
        return new Report(target, trainCutoff, testCutoff, horizon, train.size(), train.positiveRate(), n,
                test.positiveRate(), k, metrics(test.y(), modelScores, k), metrics(test.y(), baselineScores, k), model);
    }

    /**
     * The heuristic a marketer would use without a model. Propensity: most purchases in the last 90 days first, ties
     * broken by recency (the second term is in (0, 0.5], so it never outweighs one purchase). Churn: longest silence
     * first.
     */
    public static double baselineScore(Target target, double[] features) {
        double silence = features[Features.DAYS_SINCE_LAST_ACTIVITY];
        return switch (target) {
            case PURCHASE_PROPENSITY -> features[Features.PURCHASES_90D] + 0.5 / (1 + silence);
            case CHURN_RISK -> silence;
        };
    }

    private static Metrics metrics(int[] labels, double[] scores, int k) {
        return new Metrics(RankingMetrics.auc(labels, scores), RankingMetrics.precisionAtK(labels, scores, k));
    }
}
