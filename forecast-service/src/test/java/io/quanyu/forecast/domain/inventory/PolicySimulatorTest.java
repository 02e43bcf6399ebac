package io.quanyu.forecast.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The week-by-week replay that measures the cycle service level a policy achieves. */
class PolicySimulatorTest {

    private static Policy upTo(double level) {
        return new Policy("k", 0.95, 10, 20, 0, level, 0, 1e9);
    }

    private static Policy[] constant(Policy p, int weeks) {
        Policy[] ps = new Policy[weeks];
        Arrays.fill(ps, p);
        return ps;
    }

    private static boolean[] allKnown(int weeks) {
        boolean[] k = new boolean[weeks];
        Arrays.fill(k, true);
        return k;
    }

    @Test
    void enoughStockForLeadTimePlusReviewNeverRunsOut() {
        double[] d = new double[30];
        Arrays.fill(d, 10);
        var r = PolicySimulator.simulate(d, allKnown(30), constant(upTo(20), 30), 1, 20);
        assertThat(r.cycleServiceLevel()).isEqualTo(1.0);
        assertThat(r.fillRate()).isEqualTo(1.0);
        // the initial 20 units cover weeks 0-1; the first order (week 1) arrives in week 2 and then one every week:
        // 28 arrivals, each closing the cycle before it, and the last cycle is still open at the end
        assertThat(r.cycles()).isEqualTo(27);
        assertThat(r.orders()).isEqualTo(29);
    }

    @Test
    void coveringOnlyOneAndAHalfWeeksFailsEveryCycle() {
        double[] d = new double[30];
        Arrays.fill(d, 10);
        var r = PolicySimulator.simulate(d, allKnown(30), constant(upTo(15), 30), 1, 15);
        assertThat(r.cycleServiceLevel()).isZero();
        assertThat(r.fillRate()).isLessThan(1.0);
    }

    @Test
    void cyclesTouchingAnUnknownWeekAreNotCounted() {
        double[] d = new double[10];
        Arrays.fill(d, 10);
        boolean[] known = allKnown(10);
        known[5] = false;
        var all = PolicySimulator.simulate(d, allKnown(10), constant(upTo(20), 10), 1, 20);
        var some = PolicySimulator.simulate(d, known, constant(upTo(20), 10), 1, 20);
        assertThat(some.cycles()).isEqualTo(all.cycles() - 1);
    }

    @Test
    void orderingUpToTheTrueQuantileAchievesThatServiceLevel() {
        // iid lognormal weekly demand, lead time 1: the order covers two weeks, so S = 90 % quantile of a 2-week sum
        Random r = new Random(42);
        double[] mc = new double[200000];
        for (int i = 0; i < mc.length; i++) {
            mc[i] = Math.exp(4 + 0.4 * r.nextGaussian()) + Math.exp(4 + 0.4 * r.nextGaussian());
        }
        Arrays.sort(mc);
        double s90 = mc[(int) (0.9 * mc.length)];
        int weeks = 20000;
        double[] d = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            d[t] = Math.exp(4 + 0.4 * r.nextGaussian());
        }
        var res = PolicySimulator.simulate(d, allKnown(weeks), constant(upTo(s90), weeks), 1, s90);
        assertThat(res.cycleServiceLevel()).isCloseTo(0.90, within(0.01));
        assertThat(res.orders()).isGreaterThan(weeks - 10);
    }

    @Test
    void batchingWithAnOrderQuantityOrdersLessOftenWithoutLosingService() {
        Random r = new Random(3);
        int weeks = 5000;
        double[] d = new double[weeks];
        for (int t = 0; t < weeks; t++) {
            d[t] = Math.exp(4 + 0.3 * r.nextGaussian());
        }
        Policy weekly = upTo(150);
        Policy batched = new Policy("k", 0.95, 57, 114, 36, 150, 200, 1e9);
        var a = PolicySimulator.simulate(d, allKnown(weeks), constant(weekly, weeks), 1, 150);
        var b = PolicySimulator.simulate(d, allKnown(weeks), constant(batched, weeks), 1, 150);
        assertThat(b.orders()).isLessThan(a.orders() / 2);
        assertThat(b.cycleServiceLevel()).isGreaterThanOrEqualTo(a.cycleServiceLevel() - 0.01);
        assertThat(b.averageOnHand()).isGreaterThan(a.averageOnHand());
    }
}
