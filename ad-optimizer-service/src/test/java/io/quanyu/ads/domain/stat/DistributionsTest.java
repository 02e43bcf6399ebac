package io.quanyu.ads.domain.stat;

import static io.quanyu.ads.domain.stat.Distributions.logGamma;
import static io.quanyu.ads.domain.stat.Distributions.normalCdf;
import static io.quanyu.ads.domain.stat.Distributions.normalQuantile;
import static io.quanyu.ads.domain.stat.Distributions.regularizedBeta;
import static io.quanyu.ads.domain.stat.Distributions.studentTCdf;
import static io.quanyu.ads.domain.stat.Distributions.studentTQuantile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Reference values from SciPy 1.17 (scipy.stats.norm, scipy.stats.t, scipy.special.betainc). */
class DistributionsTest {

    @Test
    void normalCdfMatchesReferenceIncludingDeepTails() {
        assertThat(normalCdf(0)).isEqualTo(0.5);
        assertThat(normalCdf(-1)).isCloseTo(0.15865525393145707, within(1e-15));
        assertThat(normalCdf(1)).isCloseTo(1 - 0.15865525393145707, within(1e-15));
        assertThat(normalCdf(1.959963984540054)).isCloseTo(0.975, within(1e-14));
        assertThat(normalCdf(-5)).isCloseTo(2.8665157186802404e-07, Percentage.withPercentage(1e-8));
        assertThat(normalCdf(-10)).isCloseTo(7.61985302416047e-24, Percentage.withPercentage(1e-8));
        assertThat(normalCdf(-3)).isCloseTo(normalCdf(-3 + 1e-9), within(1e-11)); // continuous where methods switch
        assertThat(normalCdf(40)).isEqualTo(1.0);
    }

    @Test
    void normalQuantileInvertsTheCdf() {
        assertThat(normalQuantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(normalQuantile(0.975)).isCloseTo(1.959963984540054, within(1e-12));
        assertThat(normalQuantile(0.8)).isCloseTo(0.8416212335729144, within(1e-12));
        assertThat(normalQuantile(1e-10)).isCloseTo(-6.361340902404056, within(1e-9));
        assertThat(normalQuantile(0)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(normalQuantile(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> normalQuantile(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logGammaAndIncompleteBeta() {
        assertThat(logGamma(5)).isCloseTo(Math.log(24), within(1e-13));
        assertThat(logGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-13));
        assertThat(logGamma(101)).isCloseTo(363.73937555556347, within(1e-9)); // ln 100!
        // I_x(2, 3) is a binomial tail: Σ_{j=2..4} C(4, j) x^j (1 - x)^(4 - j); 11/16 at x = 1/2.
        assertThat(regularizedBeta(0.5, 2, 3)).isCloseTo(11.0 / 16, within(1e-14));
        assertThat(regularizedBeta(0.3, 2, 3)).isCloseTo(0.3483, within(1e-14));
        assertThat(regularizedBeta(0.2, 0.5, 0.5)).isCloseTo(0.2951672353008665, within(1e-13));
        assertThat(regularizedBeta(0.4, 50, 80)).isCloseTo(0.6450659221505503, within(1e-12));
        assertThat(regularizedBeta(0, 2, 3)).isZero();
        assertThat(regularizedBeta(1, 2, 3)).isEqualTo(1.0);
    }

    @Test
    void studentT() {
        assertThat(studentTCdf(1, 1)).as("Cauchy").isCloseTo(0.75, within(1e-14));
        assertThat(studentTCdf(1, 2)).isCloseTo(0.5 + 1 / (2 * Math.sqrt(3)), within(1e-14));
        assertThat(studentTCdf(2.0, 10)).isCloseTo(0.9633059826146299, within(1e-13));
        assertThat(studentTCdf(-3.5, 4.5)).isCloseTo(0.010270844984692789, within(1e-13));
        assertThat(studentTCdf(0, 7)).isEqualTo(0.5);
        assertThat(studentTQuantile(0.975, 10)).isCloseTo(2.228138851986274, within(1e-10));
        assertThat(studentTQuantile(0.025, 10)).isCloseTo(-2.228138851986274, within(1e-10));
        // Large df approaches the normal.
        assertThat(studentTQuantile(0.975, 1e7)).isCloseTo(1.959963984540054, within(1e-5));
    }
}
