package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Model selection, forecasts with intervals, and the pooled group selection. */
class ForecasterTest {

    private final Forecaster weekly = new Forecaster();

    @Test
    void promotionDrivenDemandSelectsARegressionAndFollowsThePlan() {
        Series s = SyntheticSeries.promo("store-1/sku-9", 1, 120, 4, 6, 2.5, 0.7, 0.05);
        Forecast f = weekly.forecast(s, 4);
        assertThat(f.model()).startsWith("regression");
        for (int k = 0; k < 4; k++) {
            double truth = SyntheticSeries.truth(s, 120 + k, 6, 2.5, 0.7);
            assertThat(f.points().get(k).forecast()).isCloseTo(truth, within(0.15 * truth));
        }
        assertThat(f.points().get(0).period()).isEqualTo(120);
        assertThat(f.backtestMase()).isLessThan(0.5);
    }

    @Test
    void aCleanSeasonalPatternIsForecastBySeasonalModels() {
        double[] season = {20, 5, 12, 30, 8, 15};
        double[] y = new double[60];
        Random r = new Random(3);
        for (int t = 0; t < y.length; t++) {
            y[t] = season[t % 6] + r.nextGaussian() * 0.3;
        }
        Forecaster f6 = new Forecaster(ForecastConfig.weekly().withSeasonalPeriod(6));
        Selection sel = f6.select(Series.of("s", y));
        assertThat(sel.modelName()).isIn("seasonal-naive", "holt-winters");
        Forecast f = sel.forecast(Series.of("s", y), 6);
        for (int k = 0; k < 6; k++) {
            assertThat(f.points().get(k).forecast()).isCloseTo(season[(60 + k) % 6], within(1.5));
        }
    }

    @Test
    void intervalsAreOrderedNestedAndCoverAboutTheirLevelOnNoise() {
        Random r = new Random(11);
        int inside80 = 0;
        int inside95 = 0;
        int total = 0;
        for (int rep = 0; rep < 40; rep++) {
            double[] y = new double[110];
            for (int t = 0; t < y.length; t++) {
                y[t] = Math.exp(5 + 0.3 * r.nextGaussian());
            }
            Series hist = Series.of("s", java.util.Arrays.copyOf(y, 100));
            Forecast f = weekly.forecast(hist, 4);
            for (ForecastPoint p : f.points()) {
                PredictionInterval i80 = p.interval(0.8);
                PredictionInterval i95 = p.interval(0.95);
                assertThat(i95.lower()).isLessThanOrEqualTo(i80.lower());
                assertThat(i80.lower()).isLessThanOrEqualTo(p.p50());
                assertThat(p.p50()).isLessThanOrEqualTo(i80.upper());
                assertThat(i80.upper()).isLessThanOrEqualTo(i95.upper());
            }
            for (int t = 100; t < 110; t++) {
                // one-step-ahead coverage from each origin: reuse the selection, refit at the origin
                Forecast g = weekly.select(hist).forecast(Series.of("s", java.util.Arrays.copyOf(y, t)), 1);
                PredictionInterval i80 = g.points().get(0).interval(0.8);
                PredictionInterval i95 = g.points().get(0).interval(0.95);
                inside80 += y[t] >= i80.lower() && y[t] <= i80.upper() ? 1 : 0;
                inside95 += y[t] >= i95.lower() && y[t] <= i95.upper() ? 1 : 0;
                total++;
            }
        }
        assertThat((double) inside80 / total).isBetween(0.7, 0.92);
        assertThat((double) inside95 / total).isBetween(0.88, 1.0);
    }

    @Test
    void groupSelectionAddsThePooledRegressionAsACandidate() {
        List<Series> group = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            group.add(SyntheticSeries.promo("store-" + i, 20 + i, 90, 4, 5 + 0.3 * i, 2.0, 0.5, 0.2));
        }
        List<Selection> sel = weekly.selectGroup(group);
        assertThat(sel).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(sel.get(i).seriesKey()).isEqualTo("store-" + i);
            assertThat(sel.get(i).scores()).containsKey("regression-pooled");
            assertThat(sel.get(i).modelName()).startsWith("regression");
        }
    }

    @Test
    void cumulativeQuantilesGrowWithTheNumberOfWeeksAndTheLevel() {
        Series s = SyntheticSeries.promo("s", 5, 100, 4, 5, 2.0, 0.5, 0.2);
        Forecast f = weekly.forecast(s, 4);
        assertThat(f.cumulativeQuantile(2, 0.95)).isGreaterThan(f.cumulativeQuantile(1, 0.95));
        assertThat(f.cumulativeQuantile(2, 0.95)).isGreaterThan(f.cumulativeQuantile(2, 0.5));
        assertThat(f.cumulativeQuantile(2, 0.5)).isCloseTo(f.cumulativeForecast(2),
                within(0.3 * f.cumulativeForecast(2)));
    }
}
