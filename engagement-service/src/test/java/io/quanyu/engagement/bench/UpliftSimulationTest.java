package io.quanyu.engagement.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Simulation (not data): on journeys with a known true uplift, grouped by the service's holdout draw, the reported 95 %
 * interval covers the truth about 95 % of the time and the estimate is unbiased, zero uplift included. An interval too
 * narrow (a wrong z, a variance from one group only) or too wide, or groups swapped, fails one of these bounds.
 */
class UpliftSimulationTest {

    private static final int RUNS = 2000;

    @Test
    void theIntervalCoversTheTrueUpliftAtItsStatedConfidenceInEverySetting() {
        for (UpliftSimulation.Setting s : UpliftSimulation.SETTINGS) {
            UpliftSimulation.Result r = UpliftSimulation.run(s, RUNS, 19);
            // 2,000 runs: a true 95 % coverage is observed within 95 ± 1.5 points with probability > 0.99 (se 0.49 points);
            // the upper bound is looser because Wilson-based intervals are slightly conservative with few conversions.
            assertThat(r.newcombeCoverage()).as(r.line()).isBetween(0.935, 0.975);
            assertThat(r.estimated()).as("holdout never empty at these sizes").isEqualTo(RUNS);
            // The difference of proportions is unbiased: the mean of 2,000 estimates within 4 standard errors of the truth.
            assertThat(Math.abs(r.meanEstimate() - s.trueUplift())).as(r.line()).isLessThan(4 * r.estimateStdError());
            // The holdout share is the configured one (the hash draw is uniform): within 10 % of the expected size.
            assertThat(r.meanHoldout()).as(r.line()).isBetween(0.9 * s.holdoutShare() * s.customers(), 1.1 * s.holdoutShare() * s.customers());
        }
    }

    @Test
    void aZeroUpliftIsNotReportedAsSignificantMoreOftenThanFivePercent() {
        UpliftSimulation.Result r = UpliftSimulation.run(UpliftSimulation.SETTINGS.get(1), RUNS, 7);
        assertThat(r.setting().trueUplift()).isZero();
        // Covering zero is the same as "not significant": false positives at most about 5 %.
        assertThat(1 - r.newcombeCoverage()).as(r.line()).isLessThan(0.065);
    }
}
