package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Implicit ALS on a synthetic low-rank matrix: held-out positives, fold-in, determinism. */
class ImplicitAlsTest {

    private static final ImplicitAls.Config CONFIG = new ImplicitAls.Config(8, 10, 10, 1, 8, 7);

    @Test
    void ranksHeldOutPositivesAboveRandomNegativesOnALowRankMatrix() {
        LowRankData d = new LowRankData(1);
        ImplicitAls als = ImplicitAls.fit(d.train, CONFIG);
        assertThat(d.heldOutAuc(als::score, 2)).isGreaterThan(0.85);
    }

    @Test
    void foldInReproducesTheTrainedUserVector() {
        // After the last item half-step the user vectors are one step behind; one more exact user solve against
        // the final items is what fold-in computes, so the two agree closely, not bit for bit.
        LowRankData d = new LowRankData(1);
        ImplicitAls als = ImplicitAls.fit(d.train, CONFIG);
        double foldIn = d.heldOutAuc((u, out) -> als.score(als.foldIn(d.train.history(u)), out), 2);
        assertThat(foldIn).isGreaterThan(0.85);
        double[] trained = als.userFactors(3);
        double[] folded = als.foldIn(d.train.history(3));
        assertThat(cosine(trained, folded)).isCloseTo(1, within(0.05));
    }

    @Test
    void deterministicGivenTheSeed() {
        LowRankData d = new LowRankData(3);
        assertThat(ImplicitAls.fit(d.train, CONFIG).userFactors(5))
                .containsExactly(ImplicitAls.fit(d.train, CONFIG).userFactors(5));
    }

    private static double cosine(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }
}
