package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class ResponseCurveFitterTest {

    private static final ExponentialCurve TRUE = new ExponentialCurve(1000, 200);

    @Test
    void recoversANoiseFreeCurve() {
        double[] s = new double[20];
        double[] r = new double[20];
        for (int i = 0; i < 20; i++) {
            s[i] = 50 + 20 * i;
            r[i] = TRUE.revenue(s[i]);
        }
        CurveFit f = ResponseCurveFitter.fit(s, r);
        assertThat(f.identified()).isTrue();
        assertThat(f.points()).isEqualTo(20);
        assertThat(f.curve().a()).isCloseTo(1000, Percentage.withPercentage(0.5));
        assertThat(f.curve().b()).isCloseTo(200, Percentage.withPercentage(0.5));
        assertThat(f.meanAbsoluteError()).isLessThan(1.0);
    }

    @Test
    void aFewWildDaysBarelyMoveTheFit() {
        SplittableRandom rng = new SplittableRandom(5);
        double[] s = new double[40];
        double[] r = new double[40];
        for (int i = 0; i < 40; i++) {
            s[i] = 50 + 400 * rng.nextDouble();
            r[i] = TRUE.revenue(s[i]) * (0.95 + 0.1 * rng.nextDouble());
        }
        r[3] *= 20; // one whale order
        r[17] = 0; // one broken tracking day
        CurveFit f = ResponseCurveFitter.fit(s, r);
        for (double spend : new double[]{100, 250, 400}) {
            assertThat(f.curve().revenue(spend)).isCloseTo(TRUE.revenue(spend), Percentage.withPercentage(5));
        }
    }

    @Test
    void flatSpendLeavesCurvatureUnidentifiedAndAssumed() {
        List<DailyStats> days = List.of(new DailyStats(100, 10, 1, 300), new DailyStats(100, 10, 1, 300),
                new DailyStats(100, 10, 1, 300), new DailyStats(0, 0, 0, 0));
        CurveFit f = ResponseCurveFitter.fit(days);
        assertThat(f.identified()).isFalse();
        assertThat(f.points()).isEqualTo(3);
        assertThat(f.curve().b()).isEqualTo(200);
        assertThat(f.curve().revenue(100)).isCloseTo(300, within(1e-9));
    }

    @Test
    void noSpendGivesAZeroCurve() {
        CurveFit f = ResponseCurveFitter.fit(List.of());
        assertThat(f.curve().a()).isZero();
        assertThat(f.identified()).isFalse();
    }
}
