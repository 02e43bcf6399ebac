package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Series that break naive implementations still get finite, non-negative forecasts with ordered intervals. */
class DegenerateSeriesTest {

    static Stream<Arguments> series() {
        double nan = Double.NaN;
        return Stream.of(
                Arguments.of("empty", new double[0]),
                Arguments.of("one point", new double[] {7}),
                Arguments.of("two points", new double[] {7, 9}),
                Arguments.of("three points", new double[] {3, 0, 5}),
                Arguments.of("all zeros", new double[40]),
                Arguments.of("all missing", new double[] {nan, nan, nan}),
                Arguments.of("gaps", new double[] {5, nan, nan, 6, 4, nan, 7, 5, nan, nan, nan, 6, 5, 4, nan, 6}),
                Arguments.of("leading gaps", new double[] {nan, nan, nan, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}),
                Arguments.of("single spike", spike()),
                Arguments.of("negatives and infinities", new double[] {4, -3, Double.POSITIVE_INFINITY, 5, 6, 2}),
                Arguments.of("huge", new double[] {1e12, 2e12, 1.5e12, 3e12, 2.5e12, 1e12, 2e12, 4e12}));
    }

    private static double[] spike() {
        double[] y = new double[60];
        y[30] = 1000;
        return y;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void forecasterReturnsSaneForecasts(String name, double[] y) {
        Series s = new Series(name, 0, y, List.of(
                Feature.price("price", 2.0), Feature.promotion("deal", 0)));
        Forecast f = new Forecaster().forecast(s, 4);
        assertThat(f.points()).hasSize(4);
        for (ForecastPoint p : f.points()) {
            assertThat(p.forecast()).isFinite().isGreaterThanOrEqualTo(0);
            assertThat(p.p50()).isFinite().isGreaterThanOrEqualTo(0);
            for (PredictionInterval i : p.intervals()) {
                assertThat(i.lower()).isFinite().isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p.p50());
                assertThat(i.upper()).isFinite().isGreaterThanOrEqualTo(p.p50());
            }
        }
        assertThat(f.cumulativeQuantile(2, 0.95)).isFinite().isGreaterThanOrEqualTo(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void everyModelIsSafeBehindTheSanitiser(String name, double[] y) {
        History h = new Series(name, 0, y, List.of(Feature.price("price", 2.0))).history();
        for (ForecastModel m : Models.candidates(4)) {
            double[] f = Models.sanitized(m, h, 6);
            for (double v : f) {
                assertThat(v).as(m.name()).isFinite().isGreaterThanOrEqualTo(0);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("series")
    void allZeroHistoriesForecastZero(String name, double[] y) {
        if (!name.equals("all zeros")) {
            return;
        }
        Forecast f = new Forecaster().forecast(Series.of("z", y), 3);
        assertThat(f.points()).allSatisfy(p -> {
            assertThat(p.forecast()).isZero();
            assertThat(p.interval(0.95).upper()).isZero();
        });
    }
}
