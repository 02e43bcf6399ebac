package io.quanyu.ads.domain.allocation;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.Locale;
import java.util.Map;

/**
 * Splits a budget to maximize expected return over diminishing-return {@link ResponseCurve}s under the constraints'
 * bounds. For concave curves the optimum equalizes marginal returns: every campaign not at a bound gets the spend where
 * its marginal return equals a common level λ ("water-filling"), found by bisection on λ. Under
 * {@link BudgetConstraints#atMost} λ never goes below 1: spend whose next unit returns less than a unit is not spent.
 *
 * <p>Guarantee: when the current allocation is given and feasible, the result's expected return is never lower than
 * the current one's; if the optimum does not beat it (by more than rounding) the current allocation is returned as is.
 */
public final class BudgetOptimizer {

    /** The name in decisions. */
    public static final String POLICY = "response-curve-optimizer";
    private static final int ITERATIONS = 200;

    private BudgetOptimizer() {
    }

    /**
     * @param curves  a curve for every campaign of the constraints (extra entries are ignored)
     * @param current the allocation in force per campaign id (a campaign missing from it counts as spending 0), or
     *                null / empty when there is none
     * @throws InvalidRequestException code {@code missing_curve} when a campaign has no curve
     */
    public static OptimizationResult optimize(BudgetConstraints constraints, Map<String, ResponseCurve> curves,
                                              Map<String, Double> current) {
        int n = constraints.size();
        ResponseCurve[] f = new ResponseCurve[n];
        for (int i = 0; i < n; i++) {
            String id = constraints.campaigns().get(i).campaignId();
            f[i] = curves.get(id);
            if (f[i] == null) {
                throw new InvalidRequestException("missing_curve", "no response curve for campaign " + id);
            }
        }
        double[] lo = constraints.mins();
        double[] hi = constraints.maxs();
        double target = constraints.total();
        double floorLambda = constraints.mayUnderspend() ? 1 : 0;
        double[] best;
        double level;
        if (constraints.mayUnderspend() && sum(at(f, lo, hi, floorLambda)) <= target) {
            level = floorLambda;
            best = at(f, lo, hi, floorLambda);
        } else {
            Fill fill = waterFill(f, lo, hi, target, floorLambda);
            level = fill.level();
            best = fill.spend();
        }
        double bestReturn = objective(constraints, f, best);

        double[] cur = null;
        String violation = null;
        if (current != null && !current.isEmpty()) {
            cur = new double[n];
            for (int i = 0; i < n; i++) {
                Double v = current.get(constraints.campaigns().get(i).campaignId());
                cur[i] = v == null ? 0 : v;
            }
            violation = constraints.violation(cur);
        }
        Double curReturn = cur == null ? null : objective(constraints, f, cur);
        boolean keep = violation == null && curReturn != null
                && bestReturn <= curReturn + 1e-12 * Math.max(1, Math.abs(curReturn));
        double[] chosen = keep ? cur : best;
        double chosenReturn = keep ? curReturn : bestReturn;
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            SpendBounds b = constraints.campaigns().get(i);
            String where = chosen[i] <= b.min() + 1e-9 * Math.max(1, b.min()) ? " (at its minimum)"
                    : chosen[i] >= b.max() - 1e-9 * Math.max(1, b.max()) ? " (at its maximum)" : "";
            reasons[i] = String.format(Locale.ROOT, "spend %.2f%s%s: expected revenue %.2f, marginal return %.3f per unit",
                    chosen[i], where, cur == null ? "" : String.format(Locale.ROOT, ", current %.2f", cur[i]),
                    f[i].revenue(chosen[i]), f[i].marginal(chosen[i]));
        }
        Double lift = curReturn == null ? null : chosenReturn - curReturn;
        String summary = keep
                ? String.format(Locale.ROOT, "current allocation kept: no allocation within the constraints has a "
                + "higher expected return than its %.2f", curReturn)
                : String.format(Locale.ROOT, "marginal returns equalized at %.3f per unit; expected return %.2f%s%s",
                level, chosenReturn, lift == null ? "" : String.format(Locale.ROOT, ", %+.2f over the current", lift),
                violation == null ? "" : " (the current allocation breaks the constraints: " + violation + ")");
        Allocation allocation = Allocation.of(POLICY, constraints, chosen, reasons, summary);
        return new OptimizationResult(allocation, chosenReturn, revenue(f, chosen), curReturn, lift, keep, violation);
    }

    /** Expected return of spends (aligned with the constraints) under the curves: the quantity the guarantee is about. */
    public static double objective(BudgetConstraints constraints, ResponseCurve[] curves, double[] spend) {
        double r = revenue(curves, spend);
        return constraints.mayUnderspend() ? r - sum(spend) : r;
    }

    private static double revenue(ResponseCurve[] f, double[] s) {
        double r = 0;
        for (int i = 0; i < s.length; i++) {
            r += f[i].revenue(s[i]);
        }
        return r;
    }

    /** Spends at marginal level λ, clipped to the bounds. */
    private static double[] at(ResponseCurve[] f, double[] lo, double[] hi, double lambda) {
        double[] s = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            // Clamped again in case a custom curve's inverse strays outside the bounds.
            s[i] = Splits.clamp(f[i].spendAtMarginal(lambda, lo[i], hi[i]), lo[i], hi[i]);
        }
        return s;
    }

    /**
     * Bisection for the level λ where the spends add up to the target. Spend at λ is non-increasing in λ but may jump
     * (a linear curve goes from max to min at its slope), so the answer blends the spends just above and below the
     * level, which keeps the sum exact and, for tied slopes, splits the difference at no loss.
     */
    private static Fill waterFill(ResponseCurve[] f, double[] lo, double[] hi, double target, double floor) {
        int n = f.length;
        double below = floor;
        double above = Math.max(1, floor);
        for (int i = 0; i < 1000 && sum(at(f, lo, hi, above)) > target; i++) {
            above *= 2;
        }
        for (int it = 0; it < ITERATIONS; it++) {
            double mid = below > 0 && above / below > 4 ? Math.sqrt(below * above) : 0.5 * (below + above);
            if (sum(at(f, lo, hi, mid)) > target) {
                below = mid;
            } else {
                above = mid;
            }
        }
        double[] sBelow = at(f, lo, hi, below);
        double[] sAbove = at(f, lo, hi, above);
        double big = sum(sBelow);
        double small = sum(sAbove);
        double theta = big - small <= 0 ? 0 : Math.max(0, Math.min(1, (target - small) / (big - small)));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Splits.clamp(sAbove[i] + theta * (sBelow[i] - sAbove[i]), lo[i], hi[i]);
        }
        return new Fill(Splits.fix(out, lo, hi, target), 0.5 * (below + above));
    }

    private record Fill(double[] spend, double level) {
    }

    private static double sum(double[] s) {
        double t = 0;
        for (double v : s) {
            t += v;
        }
        return t;
    }
}
