package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.Arrays;

/**
 * Intermittent-demand methods: Croston (smoothed size over smoothed interval), SBA (Syntetos-Boylan bias
 * correction) and TSB (smoothed occurrence probability, which lets the forecast decay when demand dies out).
 * Missing periods are dropped, not counted as zero-demand periods, so they do not lengthen the intervals.
 */
public record Croston(Variant variant) implements ForecastModel {

    /** Which of the three estimators. */
    public enum Variant { CROSTON, SBA, TSB }

    private static final double[] ALPHAS = {0.05, 0.1, 0.2, 0.3};

    @Override
    public String name() {
        return variant.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Only intermittent histories: with few zeros these collapse to exponential smoothing. */
    @Override
    public boolean applicable(History h) {
        return h.observedCount() >= 4 && h.zeroShare() >= 0.2;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double[] y = h.observed();
        double bestErr = Double.POSITIVE_INFINITY;
        double best = 0;
        for (double a : ALPHAS) {
            double[] r = run(y, a);
            if (r[1] < bestErr) {
                bestErr = r[1];
                best = r[0];
            }
        }
        double[] f = new double[horizon];
        Arrays.fill(f, best);
        return f;
    }

    /** Returns {final forecast, in-sample one-step squared error} for one smoothing weight. */
    double[] run(double[] y, double alpha) {
        int first = -1;
        for (int t = 0; t < y.length; t++) {
            if (y[t] > 0) {
                first = t;
                break;
            }
        }
        if (first < 0) {
            return new double[] {0, 0};
        }
        double size = y[first];
        double interval = first + 1;
        double prob = 1.0 / interval;
        int sinceLast = 0;
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double fc = predict(size, interval, prob, alpha);
            sse += (y[t] - fc) * (y[t] - fc);
            sinceLast++;
            if (variant == Variant.TSB) {
                prob += alpha * ((y[t] > 0 ? 1 : 0) - prob);
                if (y[t] > 0) {
                    size += alpha * (y[t] - size);
                }
            } else if (y[t] > 0) {
                size += alpha * (y[t] - size);
                interval += alpha * (sinceLast - interval);
                sinceLast = 0;
            }
        }
        return new double[] {predict(size, interval, prob, alpha), sse};
    }

    private double predict(double size, double interval, double prob, double alpha) {
        return switch (variant) {
            case CROSTON -> size / interval;
            case SBA -> (1 - alpha / 2) * size / interval;
            case TSB -> prob * size;
        };
    }
}
