package io.quanyu.ads.domain.experiment;

import io.quanyu.ads.domain.InvalidRequestException;

/**
 * Revenue per visitor of one variant as sufficient statistics (visitors without a purchase count with revenue 0), so
 * the service can keep running sums instead of every visitor's revenue.
 *
 * @param visitors     n
 * @param sum          Σ revenue
 * @param sumOfSquares Σ revenue²
 */
public record RevenueArm(String name, long visitors, double sum, double sumOfSquares) {

    public RevenueArm {
        InvalidRequestException.require(visitors >= 0 && Double.isFinite(sum) && Double.isFinite(sumOfSquares)
                && sumOfSquares >= 0, "arm " + name + " needs visitors >= 0 and finite sums");
    }

    /** From each visitor's revenue. */
    public static RevenueArm of(String name, double... revenuePerVisitor) {
        double s = 0;
        double q = 0;
        for (double v : revenuePerVisitor) {
            s += v;
            q += v * v;
        }
        return new RevenueArm(name, revenuePerVisitor.length, s, q);
    }

    public double mean() {
        return visitors == 0 ? 0 : sum / visitors;
    }

    /** The unbiased sample variance (n − 1 denominator), 0 below two visitors. */
    public double variance() {
        if (visitors < 2) {
            return 0;
        }
        return Math.max(0, (sumOfSquares - sum * sum / visitors) / (visitors - 1));
    }
}
