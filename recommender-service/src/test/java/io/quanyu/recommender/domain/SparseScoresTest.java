package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reusable sparse accumulator: sums, remembers what it touched, and clears only that. */
class SparseScoresTest {

    @Test
    void accumulatesAndClearsWhatWasTouched() {
        SparseScores s = new SparseScores(10);
        s.add(3, 1.5);
        s.add(7, 2);
        s.add(3, 0.5);
        s.add(5, 0);
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.index(0)).isEqualTo(3);
        assertThat(s.get(3)).isEqualTo(2.0);
        assertThat(s.contains(5)).isTrue();
        assertThat(s.contains(4)).isFalse();
        assertThat(s.get(4)).isZero();
        s.clear();
        assertThat(s.size()).isZero();
        assertThat(s.get(3)).isZero();
        assertThat(s.contains(7)).isFalse();
        s.add(7, 1);
        assertThat(s.get(7)).isEqualTo(1.0);
    }
}
