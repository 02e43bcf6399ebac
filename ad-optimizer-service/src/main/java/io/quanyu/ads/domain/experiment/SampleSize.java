package io.quanyu.ads.domain.experiment;

import io.quanyu.ads.domain.InvalidRequestException;
import io.quanyu.ads.domain.stat.Distributions;

/** The visitors each arm needs before a two-proportion test can be trusted to see a given effect. */
public final class SampleSize {

    private SampleSize() {
    }

    /**
     * Per-arm n for a two-sided two-proportion z-test between p1 = baseline and p2 = baseline + mde:
     * n = (z₁₋α/₂ · √(2 p̄ (1 − p̄)) + z_power · √(p1 (1 − p1) + p2 (1 − p2)))² / mde², p̄ = (p1 + p2) / 2, rounded up.
     * If baseline + mde exceeds 1 the effect is taken downwards (baseline − mde).
     */
    public static long perArm(double baselineRate, double mde, double alpha, double power) {
        InvalidRequestException.require(baselineRate > 0 && baselineRate < 1, "baseline rate must be in (0, 1)");
        new TestPlan(alpha, power, mde);
        double p1 = baselineRate;
        double p2 = p1 + mde <= 1 ? p1 + mde : p1 - mde;
        InvalidRequestException.require(p2 >= 0, "the effect " + mde + " does not fit around baseline " + p1);
        double pBar = (p1 + p2) / 2;
        double zAlpha = Distributions.normalQuantile(1 - alpha / 2);
        double zPower = Distributions.normalQuantile(power);
        double root = zAlpha * Math.sqrt(2 * pBar * (1 - pBar)) + zPower * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
        return (long) Math.ceil(root * root / (mde * mde) - 1e-9);
    }

    public static long perArm(double baselineRate, TestPlan plan) {
        return perArm(baselineRate, plan.minimumDetectableEffect(), plan.alpha(), plan.power());
    }
}
