package io.quanyu.ads.domain.stat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

class SamplingTest {

    private static double[] moments(int n, DoubleSupplier draw) {
        double s = 0;
        double q = 0;
        for (int i = 0; i < n; i++) {
            double x = draw.getAsDouble();
            s += x;
            q += x * x;
        }
        double mean = s / n;
        return new double[]{mean, q / n - mean * mean};
    }

    @Test
    void gammaHasTheRightMeanAndVarianceBelowAndAboveShapeOne() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] small = moments(200_000, () -> Sampling.gamma(rng, 0.5, 2));
        assertThat(small[0]).isCloseTo(1.0, within(0.02));
        assertThat(small[1]).isCloseTo(2.0, within(0.08));
        double[] big = moments(200_000, () -> Sampling.gamma(rng, 3, 2));
        assertThat(big[0]).isCloseTo(6.0, within(0.05));
        assertThat(big[1]).isCloseTo(12.0, within(0.3));
    }

    @Test
    void betaLogNormalAndBinomialMoments() {
        SplittableRandom rng = new SplittableRandom(2);
        assertThat(moments(100_000, () -> Sampling.beta(rng, 2, 60))[0]).isCloseTo(2.0 / 62, within(0.0005));
        assertThat(moments(200_000, () -> Sampling.logNormal(rng, 0, 0.5))[0])
                .isCloseTo(Math.exp(0.125), within(0.01));
        double[] b = moments(50_000, () -> Sampling.binomial(rng, 1000, 0.03));
        assertThat(b[0]).isCloseTo(30, within(0.15));
        assertThat(b[1]).isCloseTo(29.1, within(1.0));
        assertThat(moments(50_000, () -> Sampling.binomial(rng, 50, 0.9))[0]).isCloseTo(45, within(0.05));
    }

    @Test
    void binomialEdgeCasesAndValidation() {
        SplittableRandom rng = new SplittableRandom(3);
        assertThat(Sampling.binomial(rng, 0, 0.5)).isZero();
        assertThat(Sampling.binomial(rng, 100, 0)).isZero();
        assertThat(Sampling.binomial(rng, 100, 1)).isEqualTo(100);
        for (int i = 0; i < 1000; i++) {
            assertThat(Sampling.binomial(rng, 7, 0.5)).isBetween(0L, 7L);
        }
        assertThatThrownBy(() -> Sampling.binomial(rng, 5, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sampling.gamma(rng, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameSeedSameDraws() {
        SplittableRandom a = new SplittableRandom(42);
        SplittableRandom b = new SplittableRandom(42);
        for (int i = 0; i < 100; i++) {
            assertThat(Sampling.beta(a, 1.5, 3)).isEqualTo(Sampling.beta(b, 1.5, 3));
        }
    }
}
