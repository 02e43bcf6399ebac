package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** BPR on a synthetic low-rank matrix: held-out positives, fold-in, determinism. */
class BprTest {

    private static final Bpr.Config CONFIG = new Bpr.Config(8, 60, 0.05, 0.01, 7);

    @Test
    void ranksHeldOutPositivesAboveRandomNegativesOnALowRankMatrix() {
        LowRankData d = new LowRankData(1);
        Bpr bpr = Bpr.fit(d.train, CONFIG);
        assertThat(d.heldOutAuc(bpr::score, 2)).isGreaterThan(0.85);
    }

    @Test
    void foldInOfAUsersItemsRanksAsWellAsTheTrainedVector() {
        LowRankData d = new LowRankData(1);
        Bpr bpr = Bpr.fit(d.train, CONFIG);
        double foldIn = d.heldOutAuc((u, out) -> bpr.score(bpr.foldIn(d.train.history(u)), out), 2);
        assertThat(foldIn).isGreaterThan(0.85);
    }

    @Test
    void deterministicGivenTheSeed() {
        LowRankData d = new LowRankData(3);
        assertThat(Bpr.fit(d.train, CONFIG).userFactors(5)).containsExactly(Bpr.fit(d.train, CONFIG).userFactors(5));
        Bpr bpr = Bpr.fit(d.train, CONFIG);
        History h = d.train.history(5);
        assertThat(bpr.foldIn(h)).containsExactly(bpr.foldIn(h));
    }

    @Test
    void emptyHistoryFoldsInToZero() {
        LowRankData d = new LowRankData(1);
        assertThat(Bpr.fit(d.train, CONFIG).foldIn(History.EMPTY)).containsOnly(0f);
    }
}
