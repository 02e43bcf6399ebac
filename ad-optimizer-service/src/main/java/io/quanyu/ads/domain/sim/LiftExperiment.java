package io.quanyu.ads.domain.sim;

import io.quanyu.ads.domain.allocation.BudgetConstraints;
import io.quanyu.ads.domain.allocation.BudgetOptimizer;
import io.quanyu.ads.domain.allocation.CurveFit;
import io.quanyu.ads.domain.allocation.ExponentialCurve;
import io.quanyu.ads.domain.allocation.OptimizationResult;
import io.quanyu.ads.domain.allocation.ResponseCurve;
import io.quanyu.ads.domain.allocation.ResponseCurveFitter;
import io.quanyu.ads.domain.stat.Sampling;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Measures what the response-curve optimizer promises and what it delivers, on a market with saturation: the seed's
 * campaigns (as in {@link Market}) reach fewer new buyers as spend grows, expected clicks(s) = (c_i / cpc_i) ·
 * (1 − exp(−s / c_i)) with saturation scale c_i ~ U(0.5, 2) · budget / K, so the true curve is
 * revenue(s) = roas_i · c_i · (1 − exp(−s / c_i)). The current allocation is the equal split; the optimizer sees
 * {@code days} days of history whose spend varies around it by a factor U(0.5, 1.5), fits a curve per campaign and
 * re-allocates the budget.
 */
public final class LiftExperiment {

    /**
     * @param expectedLift what the optimizer expects over the current allocation, relative (its fitted curves)
     * @param trueLift     what it gets, relative, under the true curves
     * @param oracleLift   the best possible, relative: the optimizer run on the true curves
     * @param keptCurrent  whether it kept the current allocation
     */
    public record Result(double expectedLift, double trueLift, double oracleLift, boolean keptCurrent) {
    }

    private LiftExperiment() {
    }

    public static String describe(SimScenario s, int days) {
        return String.format(Locale.ROOT, "optimizer lift: the %s market's campaigns with saturating clicks "
                + "(c/cpc)(1 - exp(-s/c)), c ~ U(0.5, 2) x budget/%d; current allocation = equal split; %d days of "
                + "history with spend = equal share x U(0.5, 1.5); one exponential curve fitted per campaign",
                s.name(), s.campaigns(), days);
    }

    /** {@link #run(SimScenario, long, int, double)} without a trust region. */
    public static Result run(SimScenario s, long seed, int days) {
        return run(s, seed, days, Double.POSITIVE_INFINITY);
    }

    /**
     * @param maxChange the trust region: each campaign's new spend stays within current · (1 ± maxChange) (and its
     *                  bounds); infinite for none. Narrow regions limit how far a wrong curve can lead the optimizer.
     */
    public static Result run(SimScenario s, long seed, int days, double maxChange) {
        Market m = Market.draw(s, seed);
        RandomGenerator rng = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        int k = m.size();
        BudgetConstraints c = Simulator.constraints(s);
        double share = s.dailyBudget() / k;
        Map<String, ResponseCurve> truth = new HashMap<>();
        Map<String, ResponseCurve> fitted = new HashMap<>();
        Map<String, Double> current = new HashMap<>();
        for (int i = 0; i < k; i++) {
            double scale = share * (0.5 + 1.5 * rng.nextDouble());
            truth.put(Market.id(i), new ExponentialCurve(m.roas(0, i) * scale, scale));
            double[] spend = new double[days];
            double[] revenue = new double[days];
            for (int d = 0; d < days; d++) {
                spend[d] = share * (0.5 + rng.nextDouble());
                double expectedClicks = scale / m.cpc(i) * -Math.expm1(-spend[d] / scale);
                long clicks = (long) Math.floor(expectedClicks)
                        + (rng.nextDouble() < expectedClicks - Math.floor(expectedClicks) ? 1 : 0);
                long conversions = Sampling.binomial(rng, clicks, m.cvr(0, i));
                revenue[d] = Simulator.orders(m, i, conversions, rng);
            }
            CurveFit fit = ResponseCurveFitter.fit(spend, revenue);
            fitted.put(Market.id(i), fit.curve());
            current.put(Market.id(i), share);
        }
        BudgetConstraints region = Double.isInfinite(maxChange) ? c : c.narrowedAround(current, maxChange);
        OptimizationResult plan = BudgetOptimizer.optimize(region, fitted, current);
        OptimizationResult best = BudgetOptimizer.optimize(c, truth, current);
        double trueCurrent = value(truth, current);
        double trueNew = value(truth, plan.allocation().asMap());
        return new Result(plan.relativeLift() == null ? 0 : plan.relativeLift(), (trueNew - trueCurrent) / trueCurrent,
                best.relativeLift() == null ? 0 : best.relativeLift(), plan.keptCurrent());
    }

    private static double value(Map<String, ResponseCurve> curves, Map<String, Double> spend) {
        double v = 0;
        for (var e : spend.entrySet()) {
            v += curves.get(e.getKey()).revenue(e.getValue());
        }
        return v;
    }
}
