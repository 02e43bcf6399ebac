package io.quanyu.profile.domain.model;

import java.util.Arrays;
import java.util.Comparator;

/** Ranking quality of scores against binary labels: ROC AUC and precision at k, both exact under tied scores. */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /**
     * ROC AUC as the Mann–Whitney statistic with mid-ranks: the probability that a random positive outranks a random
     * negative, ties counting one half. Tied baselines (many customers with zero recent purchases) are common, and
     * breaking such ties by input order would make the baseline look better or worse than it is.
     */
    public static double auc(int[] labels, double[] scores) {
        check(labels, scores);
        int n = labels.length;
        Integer[] order = sortedIndices(scores, Comparator.naturalOrder());
        double positiveRankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double midRank = (i + j) / 2.0 + 1;
            for (int m = i; m <= j; m++) {
                if (labels[order[m]] == 1) {
                    positiveRankSum += midRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    /**
     * Share of positives among the {@code k} highest scores. When the k-th place falls inside a group of tied scores,
     * the group contributes its positive share pro rata: the expected precision under random tie-breaking.
     */
    public static double precisionAtK(int[] labels, double[] scores, int k) {
        check(labels, scores);
        if (k <= 0 || k > labels.length) {
            throw new IllegalArgumentException("k must be in 1.." + labels.length + ": " + k);
        }
        Integer[] order = sortedIndices(scores, Comparator.reverseOrder());
        double hits = 0;
        int taken = 0;
        int i = 0;
        while (taken < k) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            int group = j - i + 1;
            int groupPositives = 0;
            for (int m = i; m <= j; m++) {
                groupPositives += labels[order[m]];
            }
            int take = Math.min(group, k - taken);
            hits += take * (double) groupPositives / group;
            taken += take;
            i = j + 1;
        }
        return hits / k;
    }

    /** The k of "precision at the top {@code fraction}" for n customers: rounded up, at least 1. */
    public static int topK(int n, double fraction) {
        return Math.max(1, (int) Math.ceil(n * fraction));
    }

    private static Integer[] sortedIndices(double[] scores, Comparator<Double> direction) {
        Integer[] order = new Integer[scores.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> direction.compare(scores[a], scores[b]));
        return order;
    }

    private static void check(int[] labels, double[] scores) {
        if (labels.length != scores.length) {
            throw new IllegalArgumentException(labels.length + " labels but " + scores.length + " scores");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + labels[i] + " at " + i);
            }
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score " + i + " is NaN");
            }
        }
    }
}
