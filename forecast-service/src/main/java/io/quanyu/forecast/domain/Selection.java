package io.quanyu.forecast.domain;

import io.quanyu.forecast.domain.eval.ErrorDistribution;
import io.quanyu.forecast.domain.model.ForecastModel;
import io.quanyu.forecast.domain.model.Models;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of model selection for one series: the chosen model, every candidate's backtest MASE and the chosen
 * model's error distribution. It can forecast from later origins without re-running the selection, so a service can
 * re-select weekly or monthly and refit cheaply in between.
 */
public record Selection(String seriesKey, ForecastModel model, double backtestMase, Map<String, Double> scores,
                        ErrorDistribution errors, List<Double> intervalLevels) {

    public Selection {
        scores = Map.copyOf(scores);
        intervalLevels = List.copyOf(intervalLevels);
    }

    public String modelName() {
        return model.name();
    }

    /**
     * Refits the chosen model on the whole series and forecasts the next {@code horizon} periods; the point forecast,
     * median and interval bounds all stay inside the series' {@link PlausibleRange}.
     */
    public Forecast forecast(Series series, int horizon) {
        PlausibleRange range = PlausibleRange.of(series.history());
        double[] f = Models.sanitized(model, series.history(), horizon);
        int n = series.length();
        List<ForecastPoint> points = new ArrayList<>();
        for (int k = 0; k < horizon; k++) {
            int h = k + 1;
            double p50 = range.clamp(Forecast.shift(f[k], errors.quantile(h, 0.5)));
            List<PredictionInterval> iv = new ArrayList<>();
            for (double level : intervalLevels) {
                double lo = range.clamp(Forecast.shift(f[k], errors.quantile(h, (1 - level) / 2)));
                double hi = range.clamp(Forecast.shift(f[k], errors.quantile(h, (1 + level) / 2)));
                iv.add(new PredictionInterval(level, Math.min(lo, p50), Math.max(hi, p50)));
            }
            points.add(new ForecastPoint(series.firstPeriod() + n + k, h, f[k], p50, iv));
        }
        return new Forecast(seriesKey, model.name(), backtestMase, points, errors, range.upper());
    }
}
