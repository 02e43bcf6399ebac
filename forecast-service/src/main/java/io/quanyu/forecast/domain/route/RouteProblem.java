package io.quanyu.forecast.domain.route;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A capacitated vehicle routing instance: one depot, stops with demands, identical vehicles of a given capacity
 * and as many of them as needed. Index 0 of the distance matrix is the depot, index i the (i-1)-th stop.
 */
public record RouteProblem(Point depot, List<Stop> stops, double vehicleCapacity, Metric metric) {

    public RouteProblem {
        Objects.requireNonNull(depot, "depot");
        Objects.requireNonNull(metric, "metric");
        stops = List.copyOf(stops);
        if (!(vehicleCapacity > 0)) {
            throw new IllegalArgumentException("vehicle capacity must be positive");
        }
        Set<String> ids = new HashSet<>();
        for (Stop s : stops) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("duplicate stop id " + s.id());
            }
            if (s.demand() > vehicleCapacity) {
                throw new IllegalArgumentException("stop " + s.id() + " needs " + s.demand()
                        + ", more than a vehicle carries (" + vehicleCapacity + "); split it into several stops");
            }
        }
    }

    /** Symmetric distance matrix over depot (0) and stops (1..n). */
    public double[][] distances() {
        int n = stops.size() + 1;
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                d[i][j] = metric.distance(point(i), point(j));
                d[j][i] = d[i][j];
            }
        }
        return d;
    }

    Point point(int index) {
        return index == 0 ? depot : stops.get(index - 1).location();
    }

    double demand(int index) {
        return index == 0 ? 0 : stops.get(index - 1).demand();
    }
}
