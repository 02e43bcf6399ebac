package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.Arrays;

/**
 * Simple exponential smoothing; the smoothing weight minimises the in-sample one-step squared error. A missing period
 * leaves the level unchanged (no information), it is not read as zero demand.
 */
public record SimpleExpSmoothing() implements ForecastModel {

    @Override
    public boolean simple() {
        return true;
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double[] y = h.observed();
        double[] f = new double[horizon];
        if (y.length == 0) {
            Arrays.fill(f, Double.NaN);
            return f;
        }
        double alpha = y.length < 3 ? 0.5 : Optim.golden(a -> sse(y, a), 0.01, 0.99, 1e-3);
        Arrays.fill(f, level(y, alpha));
        return f;
    }

    static double sse(double[] y, double alpha) {
        double l = y[0];
        double s = 0;
        for (int t = 1; t < y.length; t++) {
            double e = y[t] - l;
            s += e * e;
            l += alpha * e;
        }
        return s;
    }

    static double level(double[] y, double alpha) {
        double l = y[0];
        for (int t = 1; t < y.length; t++) {
            l += alpha * (y[t] - l);
        }
        return l;
    }
}
