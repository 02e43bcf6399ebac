package io.quanyu.forecast.domain.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clarke-Wright parallel savings: start with one out-and-back trip per stop, then join trips end to end in order of
 * the distance the join saves (d(0,i) + d(0,j) - d(i,j)) while the joined load fits a vehicle.
 */
public final class ClarkeWright {

    private ClarkeWright() {
    }

    public static List<int[]> tours(RouteProblem p, double[][] d) {
        int n = p.stops().size();
        List<List<Integer>> routes = new ArrayList<>();
        int[] routeOf = new int[n + 1];
        double[] load = new double[n];
        for (int i = 1; i <= n; i++) {
            List<Integer> r = new ArrayList<>();
            r.add(i);
            routes.add(r);
            routeOf[i] = i - 1;
            load[i - 1] = p.demand(i);
        }
        long[] pairs = new long[n * (n - 1) / 2];
        double[] saving = new double[pairs.length];
        int k = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                saving[k] = d[0][i] + d[0][j] - d[i][j];
                pairs[k++] = ((long) i << 32) | j;
            }
        }
        Integer[] order = new Integer[pairs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(saving[b], saving[a]));
        for (int o : order) {
            if (saving[o] <= 0) {
                break;
            }
            int i = (int) (pairs[o] >>> 32);
            int j = (int) pairs[o];
            int ri = routeOf[i];
            int rj = routeOf[j];
            if (ri == rj || load[ri] + load[rj] > p.vehicleCapacity() + 1e-9) {
                continue;
            }
            List<Integer> a = routes.get(ri);
            List<Integer> b = routes.get(rj);
            if (!isEnd(a, i) || !isEnd(b, j)) {
                continue; // an interior stop already has both neighbours
            }
            // orient so the trip runs ... i -> j ...
            if (a.get(a.size() - 1) != i) {
                java.util.Collections.reverse(a);
            }
            if (b.get(0) != j) {
                java.util.Collections.reverse(b);
            }
            a.addAll(b);
            load[ri] += load[rj];
            for (int s : b) {
                routeOf[s] = ri;
            }
            b.clear();
            load[rj] = 0;
        }
        List<int[]> tours = new ArrayList<>();
        for (List<Integer> r : routes) {
            if (!r.isEmpty()) {
                tours.add(r.stream().mapToInt(Integer::intValue).toArray());
            }
        }
        return tours;
    }

    private static boolean isEnd(List<Integer> r, int s) {
        return r.get(0) == s || r.get(r.size() - 1) == s;
    }

    public static RoutePlan solve(RouteProblem p) {
        double[][] d = p.distances();
        return RoutePlan.of("clarke-wright", p, d, tours(p, d));
    }
}
