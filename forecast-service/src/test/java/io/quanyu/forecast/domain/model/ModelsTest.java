package io.quanyu.forecast.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.forecast.domain.History;
import io.quanyu.forecast.domain.Series;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each univariate model on a series whose right answer is known. */
class ModelsTest {

    private static double[] constant(int n, double v) {
        double[] y = new double[n];
        Arrays.fill(y, v);
        return y;
    }

    @Test
    void everyModelForecastsAConstantSeriesAsThatConstant() {
        History h = History.of(constant(60, 42));
        for (ForecastModel m : Models.candidates(12)) {
            if (m.applicable(h) && !(m instanceof Croston)) {
                assertThat(Arrays.stream(m.forecast(h, 5)).boxed().toList()).as(m.name()).allSatisfy(v -> assertThat(v).isCloseTo(42, within(0.5)));
            }
        }
    }

    @Test
    void naiveRepeatsTheLastObservedValueAcrossATrailingGap() {
        History h = Series.of("s", 3, 5, 7, Double.NaN, Double.NaN).history();
        assertThat(new Naive().forecast(h, 3)).containsExactly(7, 7, 7);
    }

    @Test
    void seasonalNaiveContinuesTheSeasonAndFallsBackOnAMissingPeriod() {
        double[] y = {1, 2, 3, 4, 1, 2, Double.NaN, 4};
        double[] f = new SeasonalNaive(4).forecast(Series.of("s", y).history(), 6);
        // period 10 maps to index 6, which is missing: falls back to the last observed value (4)
        assertThat(f).containsExactly(1, 2, 4, 4, 1, 2);
    }

    @Test
    void movingAverageAveragesTheLastObservedValuesSkippingGaps() {
        double[] f = new MovingAverage(3).forecast(Series.of("s", 9, 1, 2, Double.NaN, 3, 4).history(), 2);
        assertThat(f).containsExactly(3, 3);
    }

    @Test
    void sesTracksALevelShiftPartially() {
        double[] y = new double[40];
        Random r = new Random(1);
        for (int t = 0; t < y.length; t++) {
            y[t] = (t < 30 ? 10 : 20) + r.nextGaussian() * 0.5;
        }
        double f = new SimpleExpSmoothing().forecast(History.of(y), 1)[0];
        assertThat(f).isBetween(15.0, 21.0);
    }

    @Test
    void holtExtrapolatesALinearTrend() {
        double[] y = new double[30];
        for (int t = 0; t < y.length; t++) {
            y[t] = 5 + 2 * t;
        }
        double[] f = new Holt().forecast(History.of(y), 3);
        // damping may shave a little off the slope, never reverse it
        assertThat(f[0]).isCloseTo(65, within(1.0));
        assertThat(f[2]).isGreaterThan(f[1]).isGreaterThan(f[0]);
        assertThat(f[2]).isCloseTo(69, within(2.0));
    }

    @Test
    void holtWintersRecoversTrendPlusSeason() {
        double[] season = {5, -3, 2, -4};
        double[] y = new double[48];
        for (int t = 0; t < y.length; t++) {
            y[t] = 100 + 0.5 * t + season[t % 4];
        }
        double[] f = new HoltWinters(4).forecast(History.of(y), 4);
        for (int k = 0; k < 4; k++) {
            int t = 48 + k;
            assertThat(f[k]).isCloseTo(100 + 0.5 * t + season[t % 4], within(1.5));
        }
    }

    @Test
    void arimaFollowsAutocorrelatedIncrements() {
        // increments follow z_t = 0.7 z_t-1 + noise; the next increment is about 0.7 of the last
        Random r = new Random(7);
        double[] y = new double[300];
        double z = 0;
        for (int t = 1; t < y.length; t++) {
            z = 0.7 * z + r.nextGaussian();
            y[t] = y[t - 1] + z;
        }
        double lastInc = y[299] - y[298];
        double[] f = new Arima().forecast(History.of(y), 2);
        assertThat(f[0] - y[299]).isCloseTo(0.7 * lastInc, within(0.25 * Math.abs(lastInc) + 0.2));
        assertThat(f[1] - f[0]).isCloseTo(0.49 * lastInc, within(0.3 * Math.abs(lastInc) + 0.2));
    }

    @Test
    void crostonFamilyEstimatesTheDemandRateOfIntermittentDemand() {
        double[] y = new double[80];
        for (int t = 3; t < y.length; t += 4) {
            y[t] = 10; // 10 units every fourth week: a rate of 2.5 a week
        }
        History h = History.of(y);
        double croston = new Croston(Croston.Variant.CROSTON).forecast(h, 1)[0];
        double sba = new Croston(Croston.Variant.SBA).forecast(h, 1)[0];
        double tsb = new Croston(Croston.Variant.TSB).forecast(h, 1)[0];
        assertThat(croston).isCloseTo(2.5, within(0.05));
        assertThat(sba).isLessThan(croston).isCloseTo(2.5, within(0.2));
        assertThat(tsb).isCloseTo(2.5, within(0.5));
        assertThat(new Croston(Croston.Variant.SBA).applicable(h)).isTrue();
        assertThat(new Croston(Croston.Variant.SBA).applicable(History.of(constant(20, 3)))).isFalse();
    }

    @Test
    void tsbDecaysWhenDemandStops() {
        double[] y = new double[60];
        for (int t = 0; t < 30; t += 2) {
            y[t] = 8;
        }
        double tsb = new Croston(Croston.Variant.TSB).forecast(History.of(y), 1)[0];
        double croston = new Croston(Croston.Variant.CROSTON).forecast(History.of(y), 1)[0];
        assertThat(tsb).isLessThan(croston);
    }

    @Test
    void sanitizedOutputIsFiniteAndNonNegativeEvenForANegativeTrend() {
        double[] y = new double[20];
        for (int t = 0; t < y.length; t++) {
            y[t] = 40 - 2 * t;
        }
        double[] f = Models.sanitized(new Holt(), History.of(y), 30);
        assertThat(Arrays.stream(f).boxed().toList()).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0));
        assertThat(f[29]).isEqualTo(0);
    }

    @Test
    void optimisersFindKnownMinima() {
        assertThat(Optim.golden(x -> (x - 0.3) * (x - 0.3), 0, 1, 1e-6)).isCloseTo(0.3, within(1e-4));
        double[] p = Optim.nelderMead(x -> Math.pow(x[0] - 0.2, 2) + Math.pow(x[1] - 0.7, 2), new double[] {0.5, 0.5},
                0.1, new double[] {0, 0}, new double[] {1, 1}, 500);
        assertThat(p[0]).isCloseTo(0.2, within(1e-3));
        assertThat(p[1]).isCloseTo(0.7, within(1e-3));
    }
}
