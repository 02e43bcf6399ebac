package io.quanyu.forecast.domain;

import java.util.List;

/**
 * Forecast of one future period: the point forecast (what the chosen model predicts, scored by MASE), the median and
 * central intervals derived from that model's backtest errors.
 */
public record ForecastPoint(int period, int horizon, double forecast, double p50, List<PredictionInterval> intervals) {

    public ForecastPoint {
        intervals = List.copyOf(intervals);
    }

    /** The interval of the given level, if it was computed. */
    public PredictionInterval interval(double level) {
        for (PredictionInterval i : intervals) {
            if (Math.abs(i.level() - level) < 1e-9) {
                return i;
            }
        }
        throw new IllegalArgumentException("no " + level + " interval");
    }
}
