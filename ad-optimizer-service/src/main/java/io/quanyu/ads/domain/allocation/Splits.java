package io.quanyu.ads.domain.allocation;

/**
 * Feasible splits of a target amount under per-campaign bounds, the building blocks of the policies. Every method
 * assumes {@code Σ lo <= target <= Σ hi} (which {@link BudgetConstraints} guarantees for its spendable amount) and
 * returns spends within the bounds that add up to the target.
 */
public final class Splits {

    private Splits() {
    }

    /**
     * s_i = clamp(λ·w_i, lo_i, hi_i) with λ chosen so the spends add up to the target: equal weights give the
     * "equal split, clipped to the bounds". If the positive-weight campaigns cannot absorb the target even at their
     * maximums, the rest is split equally (same rule) among the zero-weight ones.
     */
    public static double[] proportional(double[] lo, double[] hi, double[] weights, double target) {
        int n = lo.length;
        double[] s = lo.clone();
        double absorbable = 0;
        double floor = 0;
        for (int i = 0; i < n; i++) {
            absorbable += weights[i] > 0 ? hi[i] : lo[i];
            floor += lo[i];
        }
        if (target <= floor) {
            return s;
        }
        if (absorbable < target) {
            double[] ones = new double[n];
            for (int i = 0; i < n; i++) {
                if (weights[i] > 0) {
                    s[i] = hi[i];
                } else {
                    ones[i] = 1;
                }
            }
            double rest = target;
            for (int i = 0; i < n; i++) {
                if (weights[i] > 0) {
                    rest -= hi[i];
                }
            }
            double[] second = proportionalWithin(lo, hi, ones, rest);
            for (int i = 0; i < n; i++) {
                if (weights[i] <= 0) {
                    s[i] = second[i];
                }
            }
            return fix(s, lo, hi, target);
        }
        double[] positive = proportionalWithin(lo, hi, weights, target
                - sumWhere(lo, weights, false));
        for (int i = 0; i < n; i++) {
            if (weights[i] > 0) {
                s[i] = positive[i];
            }
        }
        return fix(s, lo, hi, target);
    }

    /** Bisection for λ over the campaigns with positive weight, which must be able to absorb the target. */
    private static double[] proportionalWithin(double[] lo, double[] hi, double[] w, double target) {
        int n = lo.length;
        double lambdaHi = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > 0) {
                lambdaHi = Math.max(lambdaHi, hi[i] / w[i]);
            }
        }
        double lambdaLo = 0;
        double[] s = new double[n];
        for (int it = 0; it < 200; it++) {
            double mid = 0.5 * (lambdaLo + lambdaHi);
            if (sumClamped(lo, hi, w, mid) < target) {
                lambdaLo = mid;
            } else {
                lambdaHi = mid;
            }
        }
        for (int i = 0; i < n; i++) {
            s[i] = w[i] > 0 ? clamp(lambdaHi * w[i], lo[i], hi[i]) : lo[i];
        }
        return s;
    }

    private static double sumClamped(double[] lo, double[] hi, double[] w, double lambda) {
        double sum = 0;
        for (int i = 0; i < lo.length; i++) {
            if (w[i] > 0) {
                sum += clamp(lambda * w[i], lo[i], hi[i]);
            }
        }
        return sum;
    }

    private static double sumWhere(double[] values, double[] weights, boolean positive) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            if ((weights[i] > 0) == positive) {
                sum += values[i];
            }
        }
        return sum;
    }

    /** Everyone at the minimum, then the rest poured into campaigns in the given order, each up to its maximum. */
    public static double[] greedy(double[] lo, double[] hi, int[] order, double target) {
        double[] s = lo.clone();
        double rest = target;
        for (double v : lo) {
            rest -= v;
        }
        for (int i : order) {
            if (rest <= 0) {
                break;
            }
            double add = Math.min(rest, hi[i] - lo[i]);
            s[i] += add;
            rest -= add;
        }
        return s;
    }

    /** Moves the rounding residual of a split onto campaigns with room, so the sum is the target to the last bit. */
    static double[] fix(double[] s, double[] lo, double[] hi, double target) {
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double r = target - sum;
        for (int i = 0; i < s.length && r != 0; i++) {
            double room = r > 0 ? hi[i] - s[i] : lo[i] - s[i];
            double move = r > 0 ? Math.min(r, room) : Math.max(r, room);
            s[i] += move;
            r -= move;
        }
        return s;
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
