package io.quanyu.ads.domain.experiment;

import io.quanyu.ads.domain.InvalidRequestException;
import io.quanyu.ads.domain.stat.Distributions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Significance tests between two variants (creatives or allocation policies): a two-proportion z-test on conversion
 * rates with a minimum-sample-size warning, and Welch's t-test on revenue per visitor.
 */
public final class AbTest {

    /** Below this many conversions (or non-conversions) in an arm the normal approximation is poor. */
    public static final int MIN_EVENTS = 5;

    private AbTest() {
    }

    /** Compares conversion rates; the plan gives α for the test and interval and the MDE for the sample-size check. */
    public static ConversionComparison compareConversions(ConversionArm control, ConversionArm variant,
                                                          TestPlan plan) {
        List<String> warnings = new ArrayList<>();
        Double rc = control.rate();
        Double rv = variant.rate();
        double alpha = plan.alpha();
        Long required = rc == null || rc <= 0 || rc >= 1 ? null : SampleSize.perArm(rc, plan);
        if (rc == null || rv == null) {
            warnings.add("an arm has no visitors: nothing to compare");
            return new ConversionComparison(control, variant, rc, rv, 0, 0, 1, 0, 0, false, required, warnings);
        }
        long smallest = Math.min(control.visitors(), variant.visitors());
        if (required == null) {
            warnings.add(String.format(Locale.ROOT, "the control rate is %s, so the sample size for the plan cannot "
                    + "be computed", rc == 0 ? "0" : "1"));
        } else if (smallest < required) {
            warnings.add(String.format(Locale.ROOT, "only %d visitors in the smaller arm; %d per arm are needed to "
                    + "detect %.2f percentage points from %.2f%% at alpha %.2f with power %.2f: the test is "
                    + "underpowered", smallest, required, 100 * plan.minimumDetectableEffect(), 100 * rc, alpha,
                    plan.power()));
        }
        for (ConversionArm a : List.of(control, variant)) {
            if (a.conversions() < MIN_EVENTS || a.visitors() - a.conversions() < MIN_EVENTS) {
                warnings.add("arm " + a.name() + " has fewer than " + MIN_EVENTS
                        + " conversions or non-conversions: the normal approximation is poor");
            }
        }
        double diff = rv - rc;
        double pooled = (control.conversions() + variant.conversions())
                / (double) (control.visitors() + variant.visitors());
        double sePooled = Math.sqrt(pooled * (1 - pooled) * (1.0 / control.visitors() + 1.0 / variant.visitors()));
        double z = sePooled > 0 ? diff / sePooled : 0;
        double p = sePooled > 0 ? 2 * Distributions.normalCdf(-Math.abs(z)) : 1;
        double se = Math.sqrt(rc * (1 - rc) / control.visitors() + rv * (1 - rv) / variant.visitors());
        double half = Distributions.normalQuantile(1 - alpha / 2) * se;
        return new ConversionComparison(control, variant, rc, rv, diff, z, p, diff - half, diff + half, p < alpha,
                required, warnings);
    }

    /** Compares mean revenue per visitor with Welch's t-test at level α (two-sided). */
    public static RevenueComparison compareRevenue(RevenueArm control, RevenueArm variant, double alpha) {
        InvalidRequestException.require(alpha > 0 && alpha < 1, "alpha must be in (0, 1)");
        List<String> warnings = new ArrayList<>();
        double diff = variant.mean() - control.mean();
        if (control.visitors() < 2 || variant.visitors() < 2) {
            warnings.add("each arm needs at least 2 visitors for a t-test");
            return new RevenueComparison(control, variant, diff, 0, 0, 1, diff, diff, false, warnings);
        }
        double vc = control.variance() / control.visitors();
        double vv = variant.variance() / variant.visitors();
        double se = Math.sqrt(vc + vv);
        if (se == 0) {
            warnings.add("revenue does not vary within the arms: the t-test is undefined");
            return new RevenueComparison(control, variant, diff, 0, 0, 1, diff, diff, false, warnings);
        }
        double t = diff / se;
        double df = (vc + vv) * (vc + vv)
                / (vc * vc / (control.visitors() - 1) + vv * vv / (variant.visitors() - 1));
        double p = 2 * Distributions.studentTCdf(-Math.abs(t), df);
        double half = Distributions.studentTQuantile(1 - alpha / 2, df) * se;
        return new RevenueComparison(control, variant, diff, t, df, p, diff - half, diff + half, p < alpha, warnings);
    }
}
