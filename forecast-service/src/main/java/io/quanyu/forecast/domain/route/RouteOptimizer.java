package io.quanyu.forecast.domain.route;

/**
 * Entry point for delivery routes: Clarke-Wright savings then 2-opt on every route; the nearest-neighbour tours,
 * also 2-opted, are kept instead in the rare case they come out shorter, so the answer is never worse than the
 * baseline. With a deadline, each phase stops when it passes and the best complete plan found by then is the answer.
 */
public final class RouteOptimizer {

    /** The plan, the nearest-neighbour baseline's distance, and whether the deadline cut the search short. */
    public record Outcome(RoutePlan plan, double nearestNeighbourDistance, boolean complete) {
    }

    private RouteOptimizer() {
    }

    public static RoutePlan optimize(RouteProblem p) {
        return optimize(p, Deadline.NONE).plan();
    }

    public static Outcome optimize(RouteProblem p, Deadline deadline) {
        double[][] d = p.distances();
        // The baseline runs whole whatever the deadline: it is quadratic like the distances, and it guarantees a plan.
        var nnTours = NearestNeighbour.tours(p, d);
        double baseline = RoutePlan.of("nearest-neighbour", p, d, nnTours).totalDistance();
        RoutePlan savings = RoutePlan.of("savings+2opt", p, d, TwoOpt.improve(ClarkeWright.tours(p, d, deadline), d, deadline));
        RoutePlan nn = RoutePlan.of("nearest-neighbour+2opt", p, d, TwoOpt.improve(nnTours, d, deadline));
        RoutePlan best = nn.totalDistance() < savings.totalDistance() - 1e-9 ? nn : savings;
        return new Outcome(best, baseline, !deadline.cut());
    }

    /** Savings + 2-opt alone, for comparisons. */
    public static RoutePlan savingsTwoOpt(RouteProblem p) {
        double[][] d = p.distances();
        return RoutePlan.of("savings+2opt", p, d, TwoOpt.improve(ClarkeWright.tours(p, d), d));
    }
}
