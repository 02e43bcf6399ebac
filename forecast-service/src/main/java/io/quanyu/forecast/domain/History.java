package io.quanyu.forecast.domain;

import java.util.List;

/**
 * What a model may see at a forecast origin: the first {@code n} demand periods (NaN = missing) and the features,
 * whose values at and after {@code n} are the known plan for the periods being forecast. Shares arrays, never copies.
 */
public final class History {

    private final double[] y;
    private final int n;
    private final List<Feature> features;

    private History(double[] y, int n, List<Feature> features) {
        this.y = y;
        this.n = n;
        this.features = features;
    }

    static History of(Series s, int n) {
        return new History(s.demand(), n, s.features());
    }

    /** A history of plain values with no features, mainly for tests and internal sub-problems. */
    public static History of(double... values) {
        return new History(values.clone(), values.length, List.of());
    }

    public int size() {
        return n;
    }

    /** Demand at period t < size(); NaN when missing. */
    public double y(int t) {
        return y[t];
    }

    public List<Feature> features() {
        return features;
    }

    /** The observed values in order, gaps dropped. */
    public double[] observed() {
        int c = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(y[t])) {
                c++;
            }
        }
        double[] out = new double[c];
        int i = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(y[t])) {
                out[i++] = y[t];
            }
        }
        return out;
    }

    public int observedCount() {
        int c = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(y[t])) {
                c++;
            }
        }
        return c;
    }

    /** The last observed value, or NaN when nothing is observed. */
    public double lastObserved() {
        for (int t = n - 1; t >= 0; t--) {
            if (!Double.isNaN(y[t])) {
                return y[t];
            }
        }
        return Double.NaN;
    }

    /** Demand with gaps filled by linear interpolation (flat at the ends), for models that need a full grid. */
    public double[] interpolated() {
        double[] out = new double[n];
        int prev = -1;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(y[t])) {
                if (prev < 0) {
                    for (int k = 0; k < t; k++) {
                        out[k] = y[t];
                    }
                } else {
                    for (int k = prev + 1; k < t; k++) {
                        out[k] = y[prev] + (y[t] - y[prev]) * (k - prev) / (t - prev);
                    }
                }
                out[t] = y[t];
                prev = t;
            }
        }
        for (int k = prev + 1; k < n && prev >= 0; k++) {
            out[k] = y[prev];
        }
        return out;
    }

    /** Mean absolute one-step change between consecutive observed periods: the MASE scale of this history. */
    public double naiveScale() {
        double sum = 0;
        int c = 0;
        for (int t = 1; t < n; t++) {
            if (!Double.isNaN(y[t]) && !Double.isNaN(y[t - 1])) {
                sum += Math.abs(y[t] - y[t - 1]);
                c++;
            }
        }
        return c == 0 ? Double.NaN : sum / c;
    }

    /** Share of observed periods with zero demand. */
    public double zeroShare() {
        int c = 0;
        int z = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(y[t])) {
                c++;
                if (y[t] == 0) {
                    z++;
                }
            }
        }
        return c == 0 ? 0 : (double) z / c;
    }
}
