package io.quanyu.ads.domain.sim;

import io.quanyu.ads.domain.stat.Sampling;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The ground truth of one simulated run, drawn from a scenario and a seed: every policy compared on that seed faces
 * the same campaigns and the same drift.
 */
public final class Market {

    private final SimScenario scenario;
    private final double[] cvrBefore;
    private final double[] cvrAfter;
    private final double[] meanValue;
    private final double[] cpc;

    private Market(SimScenario scenario, double[] cvrBefore, double[] cvrAfter, double[] meanValue, double[] cpc) {
        this.scenario = scenario;
        this.cvrBefore = cvrBefore;
        this.cvrAfter = cvrAfter;
        this.meanValue = meanValue;
        this.cpc = cpc;
    }

    public static Market draw(SimScenario s, long seed) {
        RandomGenerator rng = new SplittableRandom(seed);
        int k = s.campaigns();
        double[] before = new double[k];
        double[] after = new double[k];
        double[] value = new double[k];
        double[] cpc = new double[k];
        for (int i = 0; i < k; i++) {
            before[i] = Sampling.beta(rng, s.cvrAlpha(), s.cvrBeta());
            value[i] = Sampling.logNormal(rng, s.valueMu(), s.valueSigma());
            cpc[i] = s.cpcLow() + (s.cpcHigh() - s.cpcLow()) * rng.nextDouble();
        }
        for (int i = 0; i < k; i++) {
            // Drawn even without drift so the other draws do not depend on whether the scenario drifts.
            after[i] = Sampling.beta(rng, s.cvrAlpha(), s.cvrBeta());
        }
        return new Market(s, before, s.driftRound() > 0 ? after : before, value, cpc);
    }

    public SimScenario scenario() {
        return scenario;
    }

    public int size() {
        return cpc.length;
    }

    public static String id(int i) {
        return "c" + i;
    }

    /** The true conversion rate of campaign i in a round (rounds count from 0). */
    public double cvr(int round, int i) {
        return scenario.driftRound() > 0 && round >= scenario.driftRound() ? cvrAfter[i] : cvrBefore[i];
    }

    public double meanValue(int i) {
        return meanValue[i];
    }

    public double cpc(int i) {
        return cpc[i];
    }

    /** True expected revenue per unit of spend: cvr · mean order value / cpc. */
    public double roas(int round, int i) {
        return cvr(round, i) * meanValue[i] / cpc[i];
    }
}
