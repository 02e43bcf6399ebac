package io.quanyu.forecast.domain.eval;

/** Point-forecast error measures used by the backtests. */
public final class Metrics {

    private Metrics() {
    }

    /** Symmetric absolute percentage error in percent (0..200); two zeros agree perfectly. */
    public static double smape(double actual, double forecast) {
        double den = Math.abs(actual) + Math.abs(forecast);
        return den == 0 ? 0 : 200 * Math.abs(actual - forecast) / den;
    }

    /** Error in log(1 + units): multiplicative, so one distribution fits a small and a large series alike. */
    public static double logError(double actual, double forecast) {
        return Math.log1p(Math.max(0, actual)) - Math.log1p(Math.max(0, forecast));
    }

    /**
     * MASE scale for a history: the mean absolute one-step naive change; when that is zero or undefined (constant or
     * one-point history) the mean level, and 1 for an all-zero history, so the ratio stays finite.
     */
    public static double scale(io.quanyu.forecast.domain.History h) {
        double s = h.naiveScale();
        if (s > 0) {
            return s;
        }
        double[] y = h.observed();
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        return mean > 0 ? mean : 1.0;
    }
}
