package io.quanyu.forecast.domain.route;

import java.util.ArrayList;
import java.util.List;

/**
 * 2-opt improvement of each tour on its own: reverse a segment whenever that shortens the tour, until no reversal
 * helps. Loads do not change, so capacity stays respected.
 */
public final class TwoOpt {

    private TwoOpt() {
    }

    /** Improved copies of the tours (depot implicit at both ends). */
    public static List<int[]> improve(List<int[]> tours, double[][] d) {
        return improve(tours, d, Deadline.NONE);
    }

    /** As far as the deadline allows: tours not reached yet stay as they are, the one under way keeps the reversals made. */
    static List<int[]> improve(List<int[]> tours, double[][] d, Deadline deadline) {
        List<int[]> out = new ArrayList<>();
        for (int[] t : tours) {
            out.add(improve(t, d, deadline));
        }
        return out;
    }

    static int[] improve(int[] tour, double[][] d, Deadline deadline) {
        int m = tour.length;
        if (m < 3) {
            return tour.clone();
        }
        // closed walk with the depot at both ends: positions 0 and m+1
        int[] w = new int[m + 2];
        System.arraycopy(tour, 0, w, 1, m);
        boolean improved = true;
        while (improved) {
            improved = false;
            for (int i = 1; i < m; i++) {
                // One clock read per row of candidate reversals: a row costs at most m steps.
                if (deadline.passed()) {
                    improved = false;
                    break;
                }
                for (int k = i + 1; k <= m; k++) {
                    double delta = d[w[i - 1]][w[k]] + d[w[i]][w[k + 1]] - d[w[i - 1]][w[i]] - d[w[k]][w[k + 1]];
                    if (delta < -1e-9) {
                        for (int a = i, b = k; a < b; a++, b--) {
                            int tmp = w[a];
                            w[a] = w[b];
                            w[b] = tmp;
                        }
                        improved = true;
                    }
                }
            }
        }
        int[] out = new int[m];
        System.arraycopy(w, 1, out, 0, m);
        return out;
    }
}
