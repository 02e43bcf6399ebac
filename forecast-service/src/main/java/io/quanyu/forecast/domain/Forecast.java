package io.quanyu.forecast.domain;

import io.quanyu.forecast.domain.eval.ErrorDistribution;
import java.util.List;

/**
 * Forecast of one series: points with intervals, the model that produced them and its backtest MASE. Arbitrary
 * quantiles, also of demand summed over several periods (lead-time demand), come from the same error distribution,
 * capped at the series' plausible demand per period ({@code upperBound}, see {@link PlausibleRange}).
 */
public record Forecast(String seriesKey, String model, double backtestMase, List<ForecastPoint> points,
                       ErrorDistribution errors, double upperBound) {

    public Forecast {
        points = List.copyOf(points);
        if (!(upperBound >= 0)) {
            throw new IllegalArgumentException("upper bound must be non-negative");
        }
    }

    /** A forecast with no cap on its quantiles. */
    public Forecast(String seriesKey, String model, double backtestMase, List<ForecastPoint> points,
                    ErrorDistribution errors) {
        this(seriesKey, model, backtestMase, points, errors, Double.POSITIVE_INFINITY);
    }

    public int horizon() {
        return points.size();
    }

    /** Quantile p of demand at horizon h (1-based). */
    public double quantile(int h, double p) {
        return Math.min(upperBound, shift(points.get(h - 1).forecast(), errors.quantile(h, p)));
    }

    /** Point forecast of the demand summed over the first k periods. */
    public double cumulativeForecast(int k) {
        double s = 0;
        for (int i = 0; i < k; i++) {
            s += points.get(i).forecast();
        }
        return s;
    }

    /** Quantile p of the demand summed over the first k periods, from the backtest errors of such sums. */
    public double cumulativeQuantile(int k, double p) {
        return Math.min(k * upperBound, shift(cumulativeForecast(k), errors.cumulativeQuantile(k, p)));
    }

    /** Applies a log(1 + units) error to a point forecast. */
    static double shift(double forecast, double logError) {
        return Math.max(0, Math.expm1(Math.log1p(forecast) + logError));
    }
}
