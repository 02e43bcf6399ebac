package io.quanyu.forecast.domain.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.model.Naive;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Backtest bookkeeping, metrics and the error distribution behind the intervals. */
class EvalTest {

    @Test
    void naiveOnAStraightLineMissesByTheHorizon() {
        double[] y = new double[50];
        for (int t = 0; t < y.length; t++) {
            y[t] = 10 + t;
        }
        // naive misses by h at horizon h and the one-step naive scale is 1; near the end fewer long horizons fit
        // inside the series (20 origins give 20 - (h - 1) targets at horizon h)
        Backtest.Result r = Backtest.run(new Naive(), Series.of("s", y), 30, 50, 4, 50);
        double expected = (1 * 20 + 2 * 19 + 3 * 18 + 4 * 17) / 74.0;
        assertThat(r.mase()).isCloseTo(expected, within(1e-12));
        assertThat(r.points()).isEqualTo(74);
        Backtest.Result h1 = Backtest.run(new Naive(), Series.of("s", y), 30, 50, 1, 50);
        assertThat(h1.mase()).isCloseTo(1.0, within(1e-12));
        assertThat(h1.points()).isEqualTo(20);
    }

    @Test
    void targetsAtOrAfterTheLimitAndMissingTargetsAreNotScored() {
        double[] y = new double[40];
        java.util.Arrays.fill(y, 5);
        y[35] = Double.NaN;
        Backtest.Result r = Backtest.run(new Naive(), Series.of("s", y), 30, 38, 4, 38);
        // origins 30..37, targets within [o, o+3] and < 38, minus the missing week 35
        int expected = 0;
        for (int o = 30; o < 38; o++) {
            for (int k = 0; k < 4 && o + k < 38; k++) {
                expected += o + k == 35 ? 0 : 1;
            }
        }
        assertThat(r.points()).isEqualTo(expected);
        assertThat(r.errors().sampleCount(1)).isEqualTo(7);
    }

    @Test
    void smapeAndLogErrorConventions() {
        assertThat(Metrics.smape(0, 0)).isZero();
        assertThat(Metrics.smape(100, 0)).isEqualTo(200);
        assertThat(Metrics.smape(150, 50)).isEqualTo(100);
        assertThat(Metrics.logError(Math.E - 1, 0)).isCloseTo(1, within(1e-12));
    }

    @Test
    void normalErrorsGiveNormalQuantiles() {
        Random r = new Random(5);
        double[][] h = new double[2][4000];
        double[][] c = new double[2][4000];
        for (int i = 0; i < 4000; i++) {
            h[0][i] = 0.2 * r.nextGaussian();
            h[1][i] = 0.3 * r.nextGaussian();
            c[0][i] = h[0][i];
            c[1][i] = 0.4 * r.nextGaussian();
        }
        ErrorDistribution d = new ErrorDistribution(h, c);
        assertThat(d.quantile(1, 0.975)).isCloseTo(0.2 * 1.96, within(0.03));
        assertThat(d.quantile(2, 0.1)).isCloseTo(-0.3 * 1.2816, within(0.03));
        assertThat(d.cumulativeQuantile(2, 0.95)).isCloseTo(0.4 * 1.645, within(0.04));
        assertThat(d.quantile(1, 0.5)).isCloseTo(0, within(0.02));
    }

    @Test
    void quantilesAreMonotoneAndShortHistoriesBorrowFromOtherHorizons() {
        double[][] h = {{-0.3, -0.1, 0, 0.1, 0.2, 0.3, -0.2, 0.05, 0.15}, {0.1, -0.1}};
        ErrorDistribution d = new ErrorDistribution(h, new double[][] {{}, {}});
        double prev = Double.NEGATIVE_INFINITY;
        for (double p = 0.05; p < 1; p += 0.05) {
            assertThat(d.quantile(2, p)).isGreaterThanOrEqualTo(prev);
            prev = d.quantile(2, p);
        }
        // horizon 2 has two errors only: it borrows the pooled spread, widened by sqrt(2)
        assertThat(d.quantile(2, 0.9) - d.quantile(2, 0.5)).isGreaterThan(d.quantile(1, 0.9) - d.quantile(1, 0.5));
        // nothing at all: a wide default rather than a zero-width interval
        ErrorDistribution none = new ErrorDistribution(new double[][] {{}}, new double[][] {{}});
        assertThat(none.quantile(1, 0.975)).isGreaterThan(0.5);
    }

    @Test
    void aCalibrationWindowWithLargerErrorsWidensTheIntervals() {
        Random r = new Random(9);
        double[][] now = new double[1][26];
        double[][] before = new double[1][60];
        for (int i = 0; i < 26; i++) {
            now[0][i] = 0.1 * r.nextGaussian();
        }
        for (int i = 0; i < 60; i++) {
            before[0][i] = 0.3 * r.nextGaussian() + 0.5; // a shifted window: only its spread should count
        }
        ErrorDistribution own = new ErrorDistribution(now, now);
        ErrorDistribution calibrated = own.withShape(
                ErrorDistribution.calibrationShape(own, new ErrorDistribution(before, before)));
        double widthOwn = own.quantile(1, 0.9) - own.quantile(1, 0.1);
        double widthCal = calibrated.quantile(1, 0.9) - calibrated.quantile(1, 0.1);
        assertThat(widthCal).isGreaterThan(2 * widthOwn);
        assertThat(calibrated.quantile(1, 0.5)).isCloseTo(own.quantile(1, 0.5), within(0.05));
    }

    @Test
    void inverseNormalMatchesKnownValues() {
        assertThat(ErrorDistribution.inverseNormal(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(ErrorDistribution.inverseNormal(0.5)).isCloseTo(0, within(1e-12));
        assertThat(ErrorDistribution.inverseNormal(0.01)).isCloseTo(-2.326348, within(1e-6));
    }
}
