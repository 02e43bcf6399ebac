package io.quanyu.ads.domain.allocation;

/**
 * What {@link BudgetOptimizer} recommends and what it expects from it.
 *
 * @param allocation              the recommended spend per campaign, with reasons
 * @param expectedReturn          the optimizer's objective for it: Σ curve(spend), minus Σ spend under
 *                                {@link BudgetConstraints#atMost} (expected profit, since spend is then a choice)
 * @param expectedRevenue         Σ curve(spend)
 * @param currentExpectedReturn   the objective for the current allocation, null when none was given
 * @param expectedLift            expectedReturn − currentExpectedReturn (>= 0 whenever the current allocation is
 *                                feasible), null when no current allocation was given
 * @param keptCurrent             true when the current allocation is returned because nothing beats it
 * @param currentViolation        why the given current allocation breaks the constraints (then the no-worse
 *                                guarantee does not apply), null when it is feasible or absent
 */
public record OptimizationResult(Allocation allocation, double expectedReturn, double expectedRevenue,
                                 Double currentExpectedReturn, Double expectedLift, boolean keptCurrent,
                                 String currentViolation) {

    /** expectedLift relative to the current return, null when that is absent or zero. */
    public Double relativeLift() {
        return expectedLift == null || currentExpectedReturn == null || currentExpectedReturn == 0 ? null
                : expectedLift / Math.abs(currentExpectedReturn);
    }
}
