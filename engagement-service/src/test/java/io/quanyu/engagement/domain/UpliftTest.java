package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The difference of proportions and its intervals against Newcombe (1998), and the interval's coverage on simulated journeys. */
class UpliftTest {

    @Test
    void matchesNewcombesWorkedExamples() {
        // Newcombe, Statistics in Medicine 17:873-890 (1998), Table II, example (a): 56/70 vs 48/80.
        Uplift a = Uplift.of(70, 56, 80, 48);
        assertThat(a.difference()).isCloseTo(0.2, within(1e-12));
        assertThat(a.newcombe().lower()).isCloseTo(0.0524, within(5e-5));
        assertThat(a.newcombe().upper()).isCloseTo(0.3339, within(5e-5));
        assertThat(a.wald().lower()).isCloseTo(0.0575, within(5e-5));
        assertThat(a.wald().upper()).isCloseTo(0.3425, within(5e-5));
        // Example (b): 9/10 vs 3/10.
        Uplift b = Uplift.of(10, 9, 10, 3);
        assertThat(b.newcombe().lower()).isCloseTo(0.1705, within(5e-5));
        assertThat(b.newcombe().upper()).isCloseTo(0.8090, within(5e-5));
    }

    @Test
    void wilsonStaysInsideZeroAndOneWhereWaldCollapses() {
        Uplift u = Uplift.of(20, 0, 20, 0);
        assertThat(u.difference()).isZero();
        assertThat(u.wald().lower()).isEqualTo(u.wald().upper());
        assertThat(u.newcombe().lower()).isLessThan(-0.1);
        assertThat(u.newcombe().upper()).isGreaterThan(0.1);
        Uplift.Interval w = Uplift.wilson(10, 10, Uplift.Z95);
        assertThat(w.upper()).isEqualTo(1.0);
        assertThat(w.lower()).isBetween(0.69, 0.73);
    }

    @Test
    void anEmptyGroupHasNoDifference() {
        Uplift u = Uplift.of(5, 2, 0, 0);
        assertThat(u.treatedRate()).isEqualTo(0.4);
        assertThat(u.holdoutRate()).isNull();
        assertThat(u.difference()).isNull();
        assertThat(u.newcombe()).isNull();
        assertThatThrownBy(() -> Uplift.of(5, 6, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Simulation (not data): journeys with a known true uplift; the 95 % interval should cover it about 95 % of the time. */
    @Test
    void theIntervalCoversAKnownTrueUpliftInSimulatedJourneys() {
        double[] large = coverage(900, 100, 0.12, 0.08, 2000);
        // 2,000 runs: the standard error of a 95 % coverage is 0.5 points.
        assertThat(large[0]).isBetween(0.93, 0.97);
        // A small journey (90 treated, 10 held out): Newcombe keeps its coverage, Wald's collapses (0.71 with this seed).
        double[] small = coverage(90, 10, 0.12, 0.08, 2000);
        assertThat(small[0]).isBetween(0.93, 0.97);
        assertThat(small[1]).isLessThan(0.85);
    }

    /** Shares of runs whose Newcombe and Wald intervals cover the true difference. */
    private static double[] coverage(int treated, int holdout, double treatedTruth, double holdoutTruth, int runs) {
        Random random = new Random(19);
        int newcombe = 0;
        int wald = 0;
        for (int r = 0; r < runs; r++) {
            int tc = 0;
            int hc = 0;
            for (int i = 0; i < treated; i++) {
                tc += random.nextDouble() < treatedTruth ? 1 : 0;
            }
            for (int i = 0; i < holdout; i++) {
                hc += random.nextDouble() < holdoutTruth ? 1 : 0;
            }
            Uplift u = Uplift.of(treated, tc, holdout, hc);
            newcombe += u.newcombe().contains(treatedTruth - holdoutTruth) ? 1 : 0;
            wald += u.wald().contains(treatedTruth - holdoutTruth) ? 1 : 0;
        }
        return new double[] {newcombe / (double) runs, wald / (double) runs};
    }
}
