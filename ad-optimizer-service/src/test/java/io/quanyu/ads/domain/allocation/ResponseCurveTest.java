package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ResponseCurveTest {

    @Test
    void exponentialCurveValuesAndClosedFormInverse() {
        ExponentialCurve c = new ExponentialCurve(100, 50);
        assertThat(c.revenue(0)).isZero();
        assertThat(c.revenue(50)).isCloseTo(63.212055882855765, within(1e-12));
        assertThat(c.marginal(0)).isEqualTo(2.0);
        // 2 e^(-s/50) = 1  →  s = 50 ln 2.
        assertThat(c.spendAtMarginal(1, 0, 1000)).isCloseTo(50 * Math.log(2), within(1e-12));
        assertThat(c.spendAtMarginal(1, 40, 1000)).isEqualTo(40);
        assertThat(c.spendAtMarginal(1, 0, 20)).isEqualTo(20);
        assertThat(c.spendAtMarginal(3, 0, 20)).isZero();
    }

    @Test
    void hillCurveAndTheGenericBisectionInverse() {
        HillCurve c = new HillCurve(100, 50, 1);
        assertThat(c.revenue(50)).isCloseTo(50, within(1e-12));
        assertThat(c.marginal(50)).isCloseTo(0.5, within(1e-12)); // a h / (s + h)^2
        assertThat(c.marginal(0)).isEqualTo(2.0);
        assertThat(c.spendAtMarginal(0.5, 0, 1000)).isCloseTo(50, within(1e-7));
        assertThat(new HillCurve(100, 50, 0.5).marginal(0)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> new HillCurve(100, 50, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linearCurveAndValidation() {
        LinearCurve l = new LinearCurve(2.5);
        assertThat(l.revenue(10)).isEqualTo(25);
        assertThat(l.spendAtMarginal(2, 1, 9)).isEqualTo(9);
        assertThat(l.spendAtMarginal(3, 1, 9)).isEqualTo(1);
        assertThatThrownBy(() -> new ExponentialCurve(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LinearCurve(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
