package io.quanyu.forecast.domain.inventory;

/**
 * Replays a replenishment policy week by week against realised demand, with backorders: at the start of each week
 * orders due arrive, the position is reviewed against that week's policy, then the week's demand is served. A
 * replenishment cycle runs from one arrival to the next; it fails when net stock goes negative inside it.
 */
public final class PolicySimulator {

    private PolicySimulator() {
    }

    /**
     * Cycle service level (cycles without stock-out / cycles), fill rate (demand served from stock / demand), mean
     * on-hand stock and order count. Only cycles whose weeks all have known demand are counted.
     */
    public record Result(int cycles, int stockoutCycles, double cycleServiceLevel, double fillRate,
                         double averageOnHand, int orders) {
    }

    /**
     * @param demand        realised demand per week (a stand-in value where unknown)
     * @param known         whether each week's demand is known; cycles touching an unknown week are not counted
     * @param policies      the policy in force at each week's review
     * @param leadTimeWeeks an order placed at the start of week t arrives at the start of week t + lead time
     * @param initialStock  on-hand stock before the first week
     */
    public static Result simulate(double[] demand, boolean[] known, Policy[] policies, int leadTimeWeeks,
                                  double initialStock) {
        int weeks = demand.length;
        double[] arriving = new double[weeks + leadTimeWeeks + 1];
        double onHand = initialStock;
        double onOrder = 0;
        int cycles = 0;
        int failed = 0;
        int orders = 0;
        boolean open = false;
        boolean cycleValid = true;
        boolean cycleFailed = false;
        double served = 0;
        double total = 0;
        double stockSum = 0;
        for (int t = 0; t < weeks; t++) {
            if (arriving[t] > 0) {
                onHand += arriving[t];
                onOrder -= arriving[t];
                if (open && cycleValid) {
                    cycles++;
                    failed += cycleFailed ? 1 : 0;
                }
                open = true;
                cycleValid = true;
                cycleFailed = false;
            }
            double q = policies[t].orderFor(onHand + onOrder);
            if (q > 0) {
                orders++;
                if (leadTimeWeeks == 0) {
                    onHand += q;
                    if (open && cycleValid) {
                        cycles++;
                        failed += cycleFailed ? 1 : 0;
                    }
                    open = true;
                    cycleValid = true;
                    cycleFailed = false;
                } else {
                    arriving[t + leadTimeWeeks] += q;
                    onOrder += q;
                }
            }
            double d = Math.max(0, demand[t]);
            if (known[t]) {
                served += Math.min(Math.max(onHand, 0), d);
                total += d;
            } else {
                cycleValid = false;
            }
            onHand -= d;
            if (onHand < -1e-9) {
                cycleFailed = true;
            }
            stockSum += Math.max(onHand, 0);
        }
        // the cycle still open at the end is cut short by the window, so it is not counted
        double csl = cycles == 0 ? Double.NaN : 1.0 - (double) failed / cycles;
        return new Result(cycles, failed, csl, total == 0 ? 1.0 : served / total,
                weeks == 0 ? 0 : stockSum / weeks, orders);
    }
}
