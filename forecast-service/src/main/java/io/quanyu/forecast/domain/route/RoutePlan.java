package io.quanyu.forecast.domain.route;

import java.util.ArrayList;
import java.util.List;

/** A solution: the routes, their total distance and the method that produced them. */
public record RoutePlan(String method, List<Route> routes, double totalDistance) {

    public RoutePlan {
        routes = List.copyOf(routes);
    }

    /** Builds a plan from tours given as stop indices (1-based, 0 = depot excluded), computing loads and distances. */
    static RoutePlan of(String method, RouteProblem p, double[][] d, List<int[]> tours) {
        List<Route> routes = new ArrayList<>();
        double total = 0;
        for (int[] t : tours) {
            if (t.length == 0) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            double load = 0;
            for (int i : t) {
                ids.add(p.stops().get(i - 1).id());
                load += p.demand(i);
            }
            double len = tourLength(d, t);
            total += len;
            routes.add(new Route(ids, load, len));
        }
        return new RoutePlan(method, routes, total);
    }

    static double tourLength(double[][] d, int[] t) {
        if (t.length == 0) {
            return 0;
        }
        double len = d[0][t[0]] + d[t[t.length - 1]][0];
        for (int k = 1; k < t.length; k++) {
            len += d[t[k - 1]][t[k]];
        }
        return len;
    }
}
