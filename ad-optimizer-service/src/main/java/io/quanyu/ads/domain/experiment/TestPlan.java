package io.quanyu.ads.domain.experiment;

import io.quanyu.ads.domain.InvalidRequestException;

/**
 * The design of a conversion-rate test: significance level, power, and the smallest effect worth detecting.
 *
 * @param alpha                   two-sided significance level, e.g. 0.05
 * @param power                   probability of detecting an effect of the MDE, e.g. 0.8
 * @param minimumDetectableEffect absolute difference in conversion rate (0.01 = one percentage point), > 0
 */
public record TestPlan(double alpha, double power, double minimumDetectableEffect) {

    public TestPlan {
        InvalidRequestException.require(alpha > 0 && alpha < 1, "alpha must be in (0, 1)");
        InvalidRequestException.require(power > 0 && power < 1, "power must be in (0, 1)");
        InvalidRequestException.require(minimumDetectableEffect > 0 && minimumDetectableEffect < 1,
                "the minimum detectable effect must be in (0, 1)");
    }

    /** α = 0.05, power 0.8. */
    public static TestPlan standard(double minimumDetectableEffect) {
        return new TestPlan(0.05, 0.8, minimumDetectableEffect);
    }
}
