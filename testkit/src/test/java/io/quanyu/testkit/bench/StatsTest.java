package io.quanyu.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankQuantiles() {
        double[] s = {5, 1, 4, 2, 3};
        assertThat(Stats.median(s)).isEqualTo(3);
        assertThat(Stats.quantile(s, 0)).isEqualTo(1);
        assertThat(Stats.quantile(s, 1)).isEqualTo(5);
        assertThat(Stats.quantile(new double[100], 0.99)).isEqualTo(0);
        double[] hundred = new double[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = i + 1;
        }
        assertThat(Stats.quantile(hundred, 0.99)).isEqualTo(99);
        assertThat(Stats.quantile(new double[0], 0.5)).isNaN();
    }
}
