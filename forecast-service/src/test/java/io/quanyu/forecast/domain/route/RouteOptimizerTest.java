package io.quanyu.forecast.domain.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.forecast.bench.RouteBench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Feasibility and quality of the delivery routes. */
class RouteOptimizerTest {

    /** Every stop exactly once, capacity respected, distances consistent with the tours. */
    private static void assertValid(RoutePlan plan, RouteProblem p) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Stop> byId = new HashMap<>();
        p.stops().forEach(s -> byId.put(s.id(), s));
        double total = 0;
        for (Route r : plan.routes()) {
            double load = 0;
            Point at = p.depot();
            double len = 0;
            for (String id : r.stopIds()) {
                seen.merge(id, 1, Integer::sum);
                load += byId.get(id).demand();
                len += p.metric().distance(at, byId.get(id).location());
                at = byId.get(id).location();
            }
            len += p.metric().distance(at, p.depot());
            assertThat(load).isLessThanOrEqualTo(p.vehicleCapacity() + 1e-9).isCloseTo(r.load(), within(1e-9));
            assertThat(r.distance()).isCloseTo(len, within(1e-6));
            total += len;
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(seen.values()).allMatch(c -> c == 1);
        assertThat(plan.totalDistance()).isCloseTo(total, within(1e-6));
    }

    @ParameterizedTest(name = "{0} stops, seed {1}")
    @CsvSource({"10,1", "50,2", "50,3", "100,4", "100,5", "200,6"})
    void savingsWithTwoOptIsFeasibleAndNeverWorseThanNearestNeighbour(int n, long seed) {
        RouteProblem p = RouteBench.instance(n, seed, 50);
        RoutePlan nn = NearestNeighbour.solve(p);
        RoutePlan cw = ClarkeWright.solve(p);
        RoutePlan best = RouteOptimizer.savingsTwoOpt(p);
        assertValid(nn, p);
        assertValid(cw, p);
        assertValid(best, p);
        assertThat(best.totalDistance()).isLessThanOrEqualTo(nn.totalDistance());
        assertThat(best.totalDistance()).isLessThanOrEqualTo(cw.totalDistance() + 1e-9);
        assertValid(RouteOptimizer.optimize(p), p);
    }

    @ParameterizedTest(name = "capacity {0}")
    @CsvSource({"50", "1e9"})
    void aDeadlineThatHasPassedStillGivesAValidPlanNoWorseThanNearestNeighbourAndSaysItWasCut(double capacity) {
        RouteProblem p = RouteBench.instance(300, 11, capacity);
        RouteOptimizer.Outcome cut = RouteOptimizer.optimize(p, Deadline.after(Duration.ZERO));
        assertValid(cut.plan(), p);
        assertThat(cut.complete()).isFalse();
        assertThat(cut.plan().totalDistance()).isLessThanOrEqualTo(cut.nearestNeighbourDistance() + 1e-9);
        assertThat(cut.nearestNeighbourDistance()).isCloseTo(NearestNeighbour.solve(p).totalDistance(), within(1e-9));

        RouteOptimizer.Outcome whole = RouteOptimizer.optimize(p, Deadline.after(Duration.ofMinutes(1)));
        assertThat(whole.complete()).isTrue();
        assertValid(whole.plan(), p);
        assertThat(whole.plan().totalDistance()).isCloseTo(RouteOptimizer.optimize(p).totalDistance(), within(1e-9))
                .isLessThanOrEqualTo(cut.plan().totalDistance() + 1e-9);
    }

    @Test
    void savingsAreOrderedAsAStableSortByValueWouldOrderThem() {
        Random r = new Random(5);
        double[] saving = new double[20_000];
        for (int k = 0; k < saving.length; k++) {
            // Exact ties, values a double apart (the same float), negatives and zeros among ordinary savings.
            saving[k] = switch (k % 5) {
                case 0 -> 42.0;
                case 1 -> 42.0 + Math.ulp(42.0) * r.nextInt(3);
                case 2 -> -r.nextDouble();
                case 3 -> k % 2 == 0 ? 0.0 : -0.0;
                default -> 100 * r.nextDouble();
            };
        }
        Integer[] expected = new Integer[saving.length];
        for (int k = 0; k < expected.length; k++) {
            expected[k] = k;
        }
        Arrays.sort(expected, (a, b) -> Double.compare(saving[b], saving[a]));
        assertThat(ClarkeWright.byDescendingSaving(saving)).containsExactly(Arrays.stream(expected).mapToInt(Integer::intValue).toArray());
    }

    @Test
    void twoOptUntanglesACrossedTour() {
        // a square visited in a crossing order: 2-opt must find the perimeter
        List<Stop> stops = List.of(new Stop("a", new Point(0, 10), 1), new Stop("b", new Point(10, 0), 1),
                new Stop("c", new Point(10, 10), 1));
        RouteProblem p = new RouteProblem(new Point(0, 0), stops, 10, Metric.EUCLIDEAN);
        double[][] d = p.distances();
        int[] crossed = {1, 2, 3}; // (0,0) -> (0,10) -> (10,0) -> (10,10) -> back: two diagonals
        int[] fixed = TwoOpt.improve(List.of(crossed), d).get(0);
        assertThat(RoutePlan.tourLength(d, fixed)).isCloseTo(40, within(1e-9));
        assertThat(RoutePlan.tourLength(d, crossed)).isGreaterThan(40);
    }

    @Test
    void stopsOnOneRayAreServedOutAndBackWhenCapacityAllows() {
        List<Stop> stops = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stops.add(new Stop("s" + i, new Point(i, 0), 1));
        }
        RoutePlan plan = RouteOptimizer.optimize(new RouteProblem(new Point(0, 0), stops, 100, Metric.EUCLIDEAN));
        assertThat(plan.routes()).hasSize(1);
        assertThat(plan.totalDistance()).isCloseTo(10, within(1e-9));
    }

    @Test
    void capacityForcesSeparateTrips() {
        Random r = new Random(1);
        List<Stop> stops = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            stops.add(new Stop("s" + i, new Point(r.nextDouble() * 10, r.nextDouble() * 10), 5));
        }
        RouteProblem p = new RouteProblem(new Point(5, 5), stops, 10, Metric.EUCLIDEAN);
        RoutePlan plan = RouteOptimizer.optimize(p);
        assertValid(plan, p);
        assertThat(plan.routes()).hasSize(6);
    }

    @Test
    void edgeCasesAndInputValidation() {
        RoutePlan empty = RouteOptimizer.optimize(new RouteProblem(new Point(0, 0), List.of(), 5, Metric.EUCLIDEAN));
        assertThat(empty.routes()).isEmpty();
        assertThat(empty.totalDistance()).isZero();
        assertThatThrownBy(() -> new RouteProblem(new Point(0, 0), List.of(new Stop("big", new Point(1, 1), 9)), 5,
                Metric.EUCLIDEAN)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("big");
        assertThatThrownBy(() -> new RouteProblem(new Point(0, 0), List.of(new Stop("a", new Point(1, 1), 1),
                new Stop("a", new Point(2, 2), 1)), 5, Metric.EUCLIDEAN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stop("x", new Point(0, 0), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void haversineMeasuresKilometres() {
        // one degree of latitude is about 111.2 km; Shanghai to Beijing about 1070 km
        assertThat(Metric.HAVERSINE_KM.distance(new Point(0, 0), new Point(0, 1))).isCloseTo(111.2, within(0.1));
        assertThat(Metric.HAVERSINE_KM.distance(new Point(121.47, 31.23), new Point(116.41, 39.90)))
                .isCloseTo(1067, within(10.0));
    }
}
