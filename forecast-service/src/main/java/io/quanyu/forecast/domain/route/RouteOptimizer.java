package io.quanyu.forecast.domain.route;

/**
 * Entry point for delivery routes: Clarke-Wright savings then 2-opt on every route; the nearest-neighbour tours,
 * also 2-opted, are kept instead in the rare case they come out shorter, so the answer is never worse than the
 * baseline.
 */
public final class RouteOptimizer {

    private RouteOptimizer() {
    }

    public static RoutePlan optimize(RouteProblem p) {
        double[][] d = p.distances();
        RoutePlan savings = RoutePlan.of("savings+2opt", p, d, TwoOpt.improve(ClarkeWright.tours(p, d), d));
        RoutePlan nn = RoutePlan.of("nearest-neighbour+2opt", p, d,
                TwoOpt.improve(NearestNeighbour.tours(p, d), d));
        return nn.totalDistance() < savings.totalDistance() - 1e-9 ? nn : savings;
    }

    /** Savings + 2-opt alone, for comparisons. */
    public static RoutePlan savingsTwoOpt(RouteProblem p) {
        double[][] d = p.distances();
        return RoutePlan.of("savings+2opt", p, d, TwoOpt.improve(ClarkeWright.tours(p, d), d));
    }
}
