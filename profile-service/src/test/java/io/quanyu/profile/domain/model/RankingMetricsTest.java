package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import smile.validation.metric.AUC;

/** AUC and precision at k, including tied scores, checked against smile where it overlaps. */
class RankingMetricsTest {

    private static final int[] LABELS = {0, 0, 1, 0, 1, 1};

    @Test
    void perfectRankingHasAucOne() {
        double[] scores = {0.1, 0.2, 0.8, 0.3, 0.9, 0.7};
        assertThat(RankingMetrics.auc(LABELS, scores)).isEqualTo(1.0);
        assertThat(RankingMetrics.precisionAtK(LABELS, scores, 3)).isEqualTo(1.0);
    }

    @Test
    void invertedRankingHasAucZero() {
        double[] scores = {0.9, 0.8, 0.1, 0.7, 0.2, 0.3};
        assertThat(RankingMetrics.auc(LABELS, scores)).isEqualTo(0.0);
        assertThat(RankingMetrics.precisionAtK(LABELS, scores, 3)).isEqualTo(0.0);
    }

    @Test
    void constantScoresCountTiesAsHalf() {
        double[] scores = {1, 1, 1, 1, 1, 1};
        assertThat(RankingMetrics.auc(LABELS, scores)).isEqualTo(0.5);
        // Expected precision under random tie-breaking is the base rate.
        assertThat(RankingMetrics.precisionAtK(LABELS, scores, 2)).isEqualTo(0.5);
    }

    @Test
    void partialTieAtTheCutOfTopKIsProRata() {
        int[] labels = {1, 1, 0, 0, 1};
        double[] scores = {5, 3, 3, 3, 1};
        // Top 2: the 5 (positive) plus one of three tied 3s, of which one is positive: (1 + 1/3) / 2.
        assertThat(RankingMetrics.precisionAtK(labels, scores, 2)).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void randomScoresGiveAboutHalfAndAgreeWithSmile() {
        Random rnd = new Random(7);
        int n = 20_000;
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextDouble() < 0.3 ? 1 : 0;
            scores[i] = rnd.nextDouble();
        }
        double auc = RankingMetrics.auc(labels, scores);
        assertThat(auc).isCloseTo(0.5, within(0.02));
        assertThat(auc).isCloseTo(AUC.of(labels, scores), within(1e-9));
    }

    @Test
    void informativeScoresAgreeWithSmile() {
        Random rnd = new Random(11);
        int n = 5_000;
        int[] labels = new int[n];
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextDouble() < 0.2 ? 1 : 0;
            scores[i] = rnd.nextGaussian() + labels[i];
        }
        assertThat(RankingMetrics.auc(labels, scores)).isCloseTo(AUC.of(labels, scores), within(1e-9)).isGreaterThan(0.7);
    }

    @Test
    void topKRoundsUp() {
        assertThat(RankingMetrics.topK(943, 0.1)).isEqualTo(95);
        assertThat(RankingMetrics.topK(3, 0.1)).isEqualTo(1);
    }
}
