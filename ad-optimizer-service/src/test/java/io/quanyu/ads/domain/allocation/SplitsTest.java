package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SplitsTest {

    @Test
    void equalWeightsSplitEquallyAndClipAtTheBounds() {
        // clamp(λ, 0, 50) + 2 clamp(λ, 0, 100) = 210  →  λ = 80.
        double[] s = Splits.proportional(new double[]{0, 0, 0}, new double[]{50, 100, 100}, new double[]{1, 1, 1}, 210);
        assertThat(s[0]).isCloseTo(50, within(1e-9));
        assertThat(s[1]).isCloseTo(80, within(1e-9));
        assertThat(s[2]).isCloseTo(80, within(1e-9));
    }

    @Test
    void proportionalToWeightsWithMinimums() {
        // clamp(λ, 10, ∞) + clamp(3λ, 10, ∞) = 100 → λ = 25: 25 and 75.
        double[] s = Splits.proportional(new double[]{10, 10}, new double[]{100, 100}, new double[]{1, 3}, 100);
        assertThat(s[0]).isCloseTo(25, within(1e-9));
        assertThat(s[1]).isCloseTo(75, within(1e-9));
    }

    @Test
    void overflowFromCappedWeightedCampaignsGoesEquallyToTheOthers() {
        double[] s = Splits.proportional(new double[]{10, 10, 10}, new double[]{100, 100, 100},
                new double[]{1, 0, 0}, 150);
        assertThat(s).containsExactly(new double[]{100, 25, 25}, within(1e-9));
        double[] none = Splits.proportional(new double[]{10, 10}, new double[]{100, 100}, new double[]{0, 0}, 60);
        assertThat(none).containsExactly(new double[]{30, 30}, within(1e-9));
    }

    @Test
    void targetAtTheMinimumsGivesTheMinimums() {
        assertThat(Splits.proportional(new double[]{10, 20}, new double[]{100, 100}, new double[]{1, 1}, 30))
                .containsExactly(10, 20);
    }

    @Test
    void greedyFillsInOrderUpToMaximums() {
        double[] s = Splits.greedy(new double[]{10, 10, 10}, new double[]{100, 100, 100}, new int[]{2, 0, 1}, 150);
        assertThat(s).containsExactly(40, 10, 100);
    }
}
