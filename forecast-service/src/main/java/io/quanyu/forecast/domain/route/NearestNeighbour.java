package io.quanyu.forecast.domain.route;

import java.util.ArrayList;
import java.util.List;

/** The baseline: from the current place drive to the nearest unvisited stop that still fits; else back to the depot. */
public final class NearestNeighbour {

    private NearestNeighbour() {
    }

    public static List<int[]> tours(RouteProblem p, double[][] d) {
        int n = p.stops().size();
        boolean[] done = new boolean[n + 1];
        List<int[]> tours = new ArrayList<>();
        int remaining = n;
        while (remaining > 0) {
            List<Integer> tour = new ArrayList<>();
            double load = 0;
            int at = 0;
            while (true) {
                int next = -1;
                for (int j = 1; j <= n; j++) {
                    if (!done[j] && load + p.demand(j) <= p.vehicleCapacity() + 1e-9
                            && (next < 0 || d[at][j] < d[at][next])) {
                        next = j;
                    }
                }
                if (next < 0) {
                    break;
                }
                done[next] = true;
                remaining--;
                load += p.demand(next);
                tour.add(next);
                at = next;
            }
            tours.add(tour.stream().mapToInt(Integer::intValue).toArray());
        }
        return tours;
    }

    public static RoutePlan solve(RouteProblem p) {
        double[][] d = p.distances();
        return RoutePlan.of("nearest-neighbour", p, d, tours(p, d));
    }
}
