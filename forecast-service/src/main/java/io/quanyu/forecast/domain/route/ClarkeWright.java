package io.quanyu.forecast.domain.route;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Clarke-Wright parallel savings: start with one out-and-back trip per stop, then join trips end to end in order of
 * the distance the join saves (d(0,i) + d(0,j) - d(i,j)) while the joined load fits a vehicle.
 */
public final class ClarkeWright {

    private ClarkeWright() {
    }

    public static List<int[]> tours(RouteProblem p, double[][] d) {
        return tours(p, d, Deadline.NONE);
    }

    /**
     * The savings tours; when the deadline passes the joining stops, and the trips joined so far (every stop still in
     * exactly one trip within capacity) are the answer.
     */
    static List<int[]> tours(RouteProblem p, double[][] d, Deadline deadline) {
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
        int[] order = byDescendingSaving(saving);
        int step = 0;
        for (int o : order) {
            if (saving[o] <= 0 || (++step & 0xfff) == 0 && deadline.passed()) {
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
                Collections.reverse(a);
            }
            if (b.get(0) != j) {
                Collections.reverse(b);
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

    /**
     * Indices of the savings from the largest to the smallest, equal ones by index: the order a stable sort by saving gives.
     * Sorting half a million boxed indices with a comparator took most of a 1,000-stop optimization and cannot be cut by
     * the deadline; primitive keys (the saving rounded to a float, then the index) sort in a tenth of that, and the few
     * savings that round to the same float are put in exact order afterwards.
     */
    static int[] byDescendingSaving(double[] saving) {
        long[] keys = new long[saving.length];
        for (int k = 0; k < saving.length; k++) {
            int bits = Float.floatToIntBits((float) -saving[k]);
            // Flipping the magnitude bits of negative floats makes the bits order as the floats do, as signed ints.
            keys[k] = ((long) (bits ^ ((bits >> 31) & 0x7fffffff)) << 32) | k;
        }
        Arrays.sort(keys);
        int[] order = new int[keys.length];
        for (int k = 0; k < keys.length; k++) {
            order[k] = (int) keys[k];
        }
        int start = 0;
        for (int k = 1; k <= keys.length; k++) {
            if (k == keys.length || keys[k] >>> 32 != keys[start] >>> 32) {
                if (k - start > 1) {
                    exactly(order, start, k, saving);
                }
                start = k;
            }
        }
        return order;
    }

    /** Sorts order[from, to) by saving, largest first, then by index. */
    private static void exactly(int[] order, int from, int to, double[] saving) {
        boolean sorted = true;
        for (int k = from + 1; k < to && sorted; k++) {
            // The run is in index order: only a larger saving after a smaller one is out of place (equal ones are the rule on grids).
            sorted = saving[order[k]] <= saving[order[k - 1]];
        }
        if (sorted) {
            return;
        }
        Integer[] run = new Integer[to - from];
        for (int k = from; k < to; k++) {
            run[k - from] = order[k];
        }
        Arrays.sort(run, (a, b) -> {
            int c = Double.compare(saving[b], saving[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = from; k < to; k++) {
            order[k] = run[k - from];
        }
    }

    private static boolean isEnd(List<Integer> r, int s) {
        return r.get(0) == s || r.get(r.size() - 1) == s;
    }

    public static RoutePlan solve(RouteProblem p) {
        double[][] d = p.distances();
        return RoutePlan.of("clarke-wright", p, d, tours(p, d));
    }
}
