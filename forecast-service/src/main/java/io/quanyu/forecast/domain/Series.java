package io.quanyu.forecast.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;

/**
 * Demand history of one SKU × store on a regular weekly grid starting at {@code firstPeriod}; a missing week is
 * NaN (unknown, not zero), so models skip it instead of reading it as a week without sales.
 */
public record Series(String key, int firstPeriod, double[] demand, List<Feature> features) {

    public Series {
        Objects.requireNonNull(key, "key");
        demand = Objects.requireNonNull(demand, "demand").clone();
        for (int t = 0; t < demand.length; t++) {
            double d = demand[t];
            if (Double.isInfinite(d)) {
                demand[t] = Double.NaN;
            } else if (d < 0) {
                demand[t] = 0.0; // returns exceeding sales are not negative demand
            }
        }
        features = List.copyOf(features);
    }

    public static Series of(String key, double... demand) {
        return new Series(key, 0, demand, List.of());
    }

    /**
     * Builds a series from sparse observations keyed by period; periods between the first and last observation that
     * have no entry become missing. Feature values for missing periods are filled by {@link Feature}'s rules.
     */
    public static Series fromObservations(String key, SortedMap<Integer, Double> demandByPeriod,
                                          List<String> featureNames, List<FeatureKind> kinds,
                                          SortedMap<Integer, double[]> featuresByPeriod) {
        if (demandByPeriod.isEmpty()) {
            return new Series(key, 0, new double[0], List.of());
        }
        int first = demandByPeriod.firstKey();
        int n = demandByPeriod.lastKey() - first + 1;
        double[] y = new double[n];
        Arrays.fill(y, Double.NaN);
        demandByPeriod.forEach((p, v) -> y[p - first] = v == null ? Double.NaN : v);
        List<Feature> fs = new ArrayList<>();
        for (int j = 0; j < featureNames.size(); j++) {
            double[] v = new double[n];
            Arrays.fill(v, Double.NaN);
            for (var e : featuresByPeriod.entrySet()) {
                int t = e.getKey() - first;
                if (t >= 0 && t < n) {
                    v[t] = e.getValue()[j];
                }
            }
            fs.add(new Feature(featureNames.get(j), kinds.get(j), v));
        }
        return new Series(key, first, y, fs);
    }

    public int length() {
        return demand.length;
    }

    /** Number of observed (non-missing) periods. */
    public int observedCount() {
        int c = 0;
        for (double d : demand) {
            if (!Double.isNaN(d)) {
                c++;
            }
        }
        return c;
    }

    /** The first {@code n} periods as seen from an origin at n, with features (including known futures) intact. */
    public History history(int n) {
        return History.of(this, Math.min(n, demand.length));
    }

    /** The series as it was known at origin n: the first n periods of demand, features (and their plan) intact. */
    public Series upTo(int n) {
        return new Series(key, firstPeriod, Arrays.copyOf(demand, Math.max(0, Math.min(n, demand.length))),
                features);
    }

    /** The whole history. */
    public History history() {
        return history(demand.length);
    }

    /** A copy whose feature values after the history are the given plan, one array per feature by name. */
    public Series withFuturePlan(Map<String, double[]> plan) {
        List<Feature> fs = new ArrayList<>();
        for (Feature f : features) {
            double[] future = plan.get(f.name());
            fs.add(future == null ? f : f.withFuture(demand.length, future));
        }
        return new Series(key, firstPeriod, demand, fs);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Series s && s.key.equals(key) && s.firstPeriod == firstPeriod
                && Arrays.equals(s.demand, demand) && s.features.equals(features);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, firstPeriod, Arrays.hashCode(demand), features);
    }

    @Override
    public String toString() {
        return "Series[" + key + ", from " + firstPeriod + ", " + demand.length + " periods, " + features.size()
                + " features]";
    }
}
