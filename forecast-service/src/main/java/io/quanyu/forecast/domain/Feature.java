package io.quanyu.forecast.domain;

import java.util.Arrays;
import java.util.Objects;

/**
 * One demand driver of a series, aligned with its periods; entries past the end of the demand history are
 * known future values (planned prices and promotions), which is how forecasts get their future features.
 */
public record Feature(String name, FeatureKind kind, double[] values) {

    public Feature {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        values = fillGaps(Objects.requireNonNull(values, "values").clone(), kind);
    }

    public static Feature price(String name, double... values) {
        return new Feature(name, FeatureKind.PRICE, values);
    }

    public static Feature promotion(String name, double... values) {
        return new Feature(name, FeatureKind.PROMOTION, values);
    }

    /** The value at period index t, extending past the known values by the kind's default. */
    public double at(int t) {
        if (t < values.length) {
            return values[t];
        }
        if (kind == FeatureKind.PROMOTION || values.length == 0) {
            return 0.0;
        }
        return values[values.length - 1];
    }

    /** A copy whose values at and after index n are replaced by the given future plan. */
    public Feature withFuture(int n, double[] future) {
        double[] v = new double[n + future.length];
        for (int t = 0; t < n; t++) {
            v[t] = at(t);
        }
        System.arraycopy(future, 0, v, n, future.length);
        return new Feature(name, kind, v);
    }

    // Missing driver values would poison a regression row; a price persists, a promotion is assumed off.
    private static double[] fillGaps(double[] v, FeatureKind kind) {
        double last = Double.NaN;
        for (int t = 0; t < v.length; t++) {
            if (Double.isFinite(v[t]) && !(kind == FeatureKind.PRICE && v[t] <= 0)) {
                last = v[t];
            } else {
                v[t] = kind == FeatureKind.PROMOTION ? 0.0 : last;
            }
        }
        // leading gaps of a price take the first known value
        double first = Double.NaN;
        for (double x : v) {
            if (Double.isFinite(x)) {
                first = x;
                break;
            }
        }
        for (int t = 0; t < v.length && !Double.isFinite(v[t]); t++) {
            v[t] = Double.isFinite(first) ? first : (kind == FeatureKind.PRICE ? 1.0 : 0.0);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Feature f && f.name.equals(name) && f.kind == kind && Arrays.equals(f.values, values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, Arrays.hashCode(values));
    }

    @Override
    public String toString() {
        return "Feature[" + name + ", " + kind + ", " + values.length + " values]";
    }
}
