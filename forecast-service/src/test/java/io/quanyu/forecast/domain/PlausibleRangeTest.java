package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The issue-20 acceptance cases: hostile histories get forecasts inside their plausible range, without errors. */
class PlausibleRangeTest {

    private final Forecaster forecaster = new Forecaster();

    @Test
    void theRangeIsAMultipleOfTheLargestWeekThatNarrowsAsHistoryGrows() {
        assertThat(PlausibleRange.of(History.of(3, 8, 5)).upper()).isEqualTo(8 * PlausibleRange.multiple(3));
        assertThat(PlausibleRange.multiple(1)).isEqualTo(20);
        assertThat(PlausibleRange.multiple(5)).isGreaterThan(PlausibleRange.multiple(13));
        assertThat(PlausibleRange.multiple(26)).isEqualTo(4);
        assertThat(PlausibleRange.multiple(300)).isEqualTo(4);
        assertThat(PlausibleRange.of(History.of(0, 0, 0)).upper()).isZero();
        assertThat(PlausibleRange.of(History.of()).upper()).isZero();
        assertThat(PlausibleRange.of(History.of(Double.NaN, 6, Double.NaN)).upper()).isEqualTo(6 * 20);
    }

    @Test
    void aPriceFarBelowItsHistoryDoesNotMultiplyTheForecast() {
        // elastic demand (-2.5) at prices around 2; the plan then cuts the price a hundredfold, which a log-linear
        // model read literally would turn into 100^2.5 = 100,000 times the usual demand
        Series s = SyntheticSeries.promo("s", 7, 80, 0, 5, 2.5, 0.5, 0.1);
        double[] cut = new double[4];
        Arrays.fill(cut, 0.02);
        Series planned = s.withFuturePlan(Map.of("price", cut, "deal", new double[4]));
        Forecast f = forecaster.forecast(planned, 4);
        double upper = PlausibleRange.of(s.history()).upper();
        double largest = Arrays.stream(s.demand()).max().orElseThrow();
        assertWithin(f, upper);
        assertThat(f.points()).allSatisfy(p -> assertThat(p.forecast()).isLessThanOrEqualTo(largest * 1.5));
        // a regression forced on the series (the only candidate, so kept although the plan took it out of range)
        // still forecasts inside the range
        Forecaster regressionOnly = new Forecaster(ForecastConfig.weekly().withCandidates(List.of(
                io.quanyu.forecast.domain.model.Regression.plain())));
        Forecast forced = regressionOnly.forecast(planned, 4);
        assertThat(forced.model()).isEqualTo("regression");
        assertWithin(forced, upper);
        // the same far above the history: demand is not forecast at zero-point-nothing either, nor does anything fail
        Arrays.fill(cut, 200);
        assertWithin(forecaster.forecast(s.withFuturePlan(Map.of("price", cut)), 4), upper);
    }

    @Test
    void aSingleHugeWeekStaysInsideItsRange() {
        double[] y = new double[70];
        for (int t = 0; t < y.length; t++) {
            y[t] = 20 + (t % 3);
        }
        y[50] = 50_000;
        Series s = new Series("spike", 0, y, List.of(Feature.price("price", 2.0), Feature.promotion("deal", 0)));
        Forecast f = forecaster.forecast(s, 8);
        assertWithin(f, PlausibleRange.of(s.history()).upper());
        // twenty quiet weeks since: the spike is not the forecast
        assertThat(f.points().get(0).forecast()).isLessThan(1_000);
    }

    @Test
    void anAllZeroSeriesIsForecastAtZeroWithZeroWidthIntervals() {
        Series s = new Series("zeros", 0, new double[45], List.of(Feature.price("price", 3.0)));
        Forecast f = forecaster.forecast(s, 6);
        assertWithin(f, 0);
        assertThat(f.cumulativeQuantile(6, 0.99)).isZero();
    }

    @Test
    void fivePointsGetAForecastInsideTheirWiderRange() {
        Series s = new Series("five", 0, new double[] {3, 8, 5, 6, 4},
                List.of(Feature.price("price", 2.0, 2.2, 1.9, 2.1, 2.0, 0.01), Feature.promotion("deal", 0, 1, 0, 0, 0)));
        Forecast f = forecaster.forecast(s, 4);
        assertWithin(f, 8 * PlausibleRange.multiple(5));
        assertThat(f.backtestMase()).isFinite();
    }

    @Test
    void aModelThatLeavesTheRangeAtOneOriginIsDisqualifiedEvenIfPerfectElsewhere() {
        double[] y = pattern(80);
        ForecastModel cheat = new Oracle(y, 70, 1e6);
        Selection sel = new Forecaster(ForecastConfig.weekly().withCandidates(List.of(new io.quanyu.forecast.domain
                .model.Naive(), cheat))).select(Series.of("p", y));
        assertThat(sel.scores().get("oracle")).isNaN();
        assertThat(sel.modelName()).isEqualTo("naive");
    }

    @Test
    void aModelThatBlowsUpAtOneOriginInsideTheRangeGivesWayToTheBestSimpleModel() {
        double[] y = pattern(80);
        // perfect at 25 of 26 origins, so its trimmed score is 0; at one it forecasts 3.9 x the largest week
        ForecastModel lucky = new Oracle(y, 70, 3.9 * 14);
        Forecaster f = new Forecaster(ForecastConfig.weekly().withCandidates(List.of(new io.quanyu.forecast.domain
                .model.Naive(), new io.quanyu.forecast.domain.model.MovingAverage(4), lucky)));
        Selection sel = f.select(Series.of("p", y));
        assertThat(sel.scores().get("oracle")).isZero();
        assertThat(sel.modelName()).isIn("naive", "moving-average-4");
        // with the fallback switched off (any blow-up tolerated) the trimmed score alone would have chosen it
        Selection loose = new Forecaster(f.config().withRule(new ForecastConfig.SelectionRule(0.1, 1e9)))
                .select(Series.of("p", y));
        assertThat(loose.modelName()).isEqualTo("oracle");
    }

    /** 10, 12, 14, 12, 10, ...: a wave naive follows with an error of 2 per week. */
    private static double[] pattern(int n) {
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = 12 + (t % 4 == 0 ? -2 : t % 4 == 2 ? 2 : 0);
        }
        return y;
    }

    static void assertWithin(Forecast f, double upper) {
        for (ForecastPoint p : f.points()) {
            assertThat(p.forecast()).isFinite().isBetween(0.0, upper);
            assertThat(p.p50()).isFinite().isBetween(0.0, upper);
            for (PredictionInterval i : p.intervals()) {
                assertThat(i.lower()).isFinite().isBetween(0.0, upper);
                assertThat(i.upper()).isFinite().isBetween(0.0, upper);
                assertThat(i.lower()).isLessThanOrEqualTo(p.p50());
                assertThat(i.upper()).isGreaterThanOrEqualTo(p.p50());
            }
        }
        for (int k = 1; k <= f.horizon(); k++) {
            assertThat(f.quantile(k, 0.999)).isBetween(0.0, upper);
            assertThat(f.cumulativeQuantile(k, 0.999)).isBetween(0.0, k * upper);
        }
    }

    /** Knows the series: forecasts it exactly, except from one origin, where it forecasts {@code wrong}. */
    private record Oracle(double[] truth, int badOrigin, double wrong) implements ForecastModel {

        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public double[] forecast(History h, int horizon) {
            double[] f = new double[horizon];
            for (int k = 0; k < horizon; k++) {
                int t = h.size() + k;
                f[k] = h.size() == badOrigin ? wrong : t < truth.length ? truth[t] : truth[truth.length - 1];
            }
            return f;
        }
    }
}
