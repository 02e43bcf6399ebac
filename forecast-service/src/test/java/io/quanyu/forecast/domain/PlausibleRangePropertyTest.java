package io.quanyu.forecast.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over random series of every shape (short and long, smooth, intermittent, with gaps, spikes, all zeros, prices that
 * jump in the history and plans far outside it, heavy promotions), no forecast, median or interval bound of the
 * selection, alone or pooled in a group, and no candidate model's sanitised forecast leaves the plausible range.
 */
class PlausibleRangePropertyTest {

    static Stream<Integer> seeds() {
        return IntStream.range(0, 150).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void noForecastLeavesThePlausibleRange(int seed) {
        Random r = new Random(seed);
        int horizon = 1 + r.nextInt(8);
        List<Series> group = new ArrayList<>();
        int size = 1 + r.nextInt(3);
        for (int i = 0; i < size; i++) {
            group.add(randomSeries("s" + seed + "-" + i, r, horizon));
        }
        Forecaster forecaster = new Forecaster();
        List<Forecast> pooled = forecaster.forecastGroup(group, horizon);
        for (int i = 0; i < size; i++) {
            Series s = group.get(i);
            double upper = PlausibleRange.of(s.history()).upper();
            PlausibleRangeTest.assertWithin(pooled.get(i), upper);
            PlausibleRangeTest.assertWithin(forecaster.forecast(s, horizon), upper);
            for (ForecastModel m : Models.candidates(52)) {
                for (double v : Models.sanitized(m, s.history(), horizon)) {
                    assertThat(v).as(m.name() + " on " + s.key()).isBetween(0.0, upper);
                }
            }
        }
    }

    private static Series randomSeries(String key, Random r, int horizon) {
        int n = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(8);
            case 1 -> 8 + r.nextInt(30);
            default -> 40 + r.nextInt(130);
        };
        double level = Math.exp(r.nextGaussian() * 3);
        double zeroShare = r.nextInt(3) == 0 ? r.nextDouble() : 0;
        double gapShare = r.nextInt(3) == 0 ? 0.4 * r.nextDouble() : 0;
        double elasticity = r.nextDouble() * 4;
        double[] price = new double[n + horizon];
        double[] deal = new double[n + horizon];
        double p = 1 + 9 * r.nextDouble();
        for (int t = 0; t < price.length; t++) {
            if (r.nextDouble() < 0.05) {
                p *= Math.exp(r.nextGaussian() * 2); // a price jump, up to hundreds of times
            }
            if (t >= n && r.nextDouble() < 0.3) {
                p *= r.nextBoolean() ? 1e-3 : 1e3; // a planned price far outside the history
            }
            price[t] = p;
            deal[t] = r.nextDouble() < 0.2 ? 1 : 0;
        }
        double[] y = new double[n];
        boolean allZero = r.nextInt(12) == 0;
        for (int t = 0; t < n; t++) {
            double v = level * Math.pow(price[t] / price[0], -elasticity) * Math.exp(0.8 * deal[t] + 0.4 * r.nextGaussian());
            if (r.nextDouble() < 0.03) {
                v *= 100 + 1000 * r.nextDouble(); // a single huge week
            }
            if (allZero || r.nextDouble() < zeroShare) {
                v = 0;
            }
            y[t] = r.nextDouble() < gapShare ? Double.NaN : Math.round(v);
        }
        return new Series(key, 0, y, List.of(Feature.price("price", price), Feature.promotion("deal", deal)));
    }
}
