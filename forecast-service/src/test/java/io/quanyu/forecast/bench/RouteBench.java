package io.quanyu.forecast.bench;

import io.quanyu.forecast.domain.route.ClarkeWright;
import io.quanyu.forecast.domain.route.Metric;
import io.quanyu.forecast.domain.route.NearestNeighbour;
import io.quanyu.forecast.domain.route.Point;
import io.quanyu.forecast.domain.route.RoutePlan;
import io.quanyu.forecast.domain.route.RouteProblem;
import io.quanyu.forecast.domain.route.RouteOptimizer;
import io.quanyu.forecast.domain.route.Stop;
import io.quanyu.testkit.bench.Machine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * {@code ./quanyu bench forecast-routes}: savings (+2-opt) against nearest neighbour on seeded random instances.
 * Usage: {@code [--sizes 50,100,200] [--seeds 10] [--capacity 50]}; stops uniform in a 100 × 100 square, depot in
 * the centre, demands uniform 1..10.
 */
public final class RouteBench {

    private RouteBench() {
    }

    /** A reproducible random instance. */
    public static RouteProblem instance(int stops, long seed, double capacity) {
        Random rnd = new Random(seed);
        List<Stop> list = new ArrayList<>();
        for (int i = 0; i < stops; i++) {
            list.add(new Stop("s" + i, new Point(100 * rnd.nextDouble(), 100 * rnd.nextDouble()), 1 + rnd.nextInt(10)));
        }
        return new RouteProblem(new Point(50, 50), list, capacity, Metric.EUCLIDEAN);
    }

    public static void main(String[] argv) {
        BenchArgs a = new BenchArgs(argv);
        List<Integer> sizes = a.list("sizes", "50,100,200").stream().map(Integer::parseInt).toList();
        int seeds = a.getInt("seeds", 10);
        double capacity = a.getDouble("capacity", 50);
        System.out.println("== forecast-routes ==");
        System.out.println("machine: " + Machine.describe());
        System.out.printf("instances: stops uniform in [0,100]^2, depot (50,50), demand uniform 1..10, vehicle "
                + "capacity %.0f, Euclidean; %d seeds per size; distance ratio = method / nearest neighbour "
                + "(mean over seeds), time = median per instance%n", capacity, seeds);
        List<Function<RouteProblem, RoutePlan>> methods = List.of(NearestNeighbour::solve, ClarkeWright::solve,
                RouteOptimizer::savingsTwoOpt, RouteOptimizer::optimize);
        List<String> names = List.of("nearest-neighbour", "savings", "savings+2opt", "optimizer (best of both +2opt)");
        // warm the JIT so the first size's times are not compile times
        for (int i = 0; i < 5; i++) {
            methods.forEach(m -> m.apply(instance(100, 999, capacity)));
        }
        System.out.printf("%n%6s %-32s %12s %10s %8s %11s%n", "stops", "method", "distance", "vs NN", "routes",
                "time ms");
        for (int n : sizes) {
            double[] nnDist = new double[seeds];
            for (int m = 0; m < methods.size(); m++) {
                double dist = 0;
                double ratio = 0;
                double routes = 0;
                double[] ms = new double[seeds];
                for (int s = 0; s < seeds; s++) {
                    RouteProblem p = instance(n, 1000L * n + s, capacity);
                    long t0 = System.nanoTime();
                    RoutePlan plan = methods.get(m).apply(p);
                    ms[s] = (System.nanoTime() - t0) / 1e6;
                    if (m == 0) {
                        nnDist[s] = plan.totalDistance();
                    }
                    dist += plan.totalDistance() / seeds;
                    ratio += plan.totalDistance() / nnDist[s] / seeds;
                    routes += (double) plan.routes().size() / seeds;
                }
                Arrays.sort(ms);
                System.out.printf("%6d %-32s %12.1f %10.3f %8.1f %11.2f%n", n, names.get(m), dist, ratio, routes,
                        ms[seeds / 2]);
            }
        }
    }
}
