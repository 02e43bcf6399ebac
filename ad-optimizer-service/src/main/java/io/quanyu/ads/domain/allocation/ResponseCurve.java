package io.quanyu.ads.domain.allocation;

/**
 * Expected revenue of a campaign as a function of its spend in a period, both in currency units. The optimizer finds
 * the true optimum for concave, non-decreasing curves with revenue(0) = 0 (every implementation here is); for any
 * other curve it still never returns less than the current allocation's expected return.
 */
public interface ResponseCurve {

    /** Expected revenue at this spend (spend >= 0). */
    double revenue(double spend);

    /** d revenue / d spend at this spend: the return of the next unit of spend. */
    double marginal(double spend);

    /**
     * The largest spend in [lo, hi] where the marginal return is still at least lambda (lo if it is below lambda
     * already at lo). The default bisects on {@link #marginal}, which is non-increasing for a concave curve.
     */
    default double spendAtMarginal(double lambda, double lo, double hi) {
        if (marginal(lo) <= lambda) {
            return lo;
        }
        if (marginal(hi) >= lambda) {
            return hi;
        }
        double a = lo;
        double b = hi;
        for (int i = 0; i < 100 && b - a > 1e-12 * Math.max(1, b); i++) {
            double m = 0.5 * (a + b);
            if (marginal(m) >= lambda) {
                a = m;
            } else {
                b = m;
            }
        }
        return 0.5 * (a + b);
    }
}
