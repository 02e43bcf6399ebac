package io.quanyu.ads.bench;

import io.quanyu.ads.domain.allocation.AllocationPolicy;
import io.quanyu.ads.domain.allocation.RoiAboveMeanPolicy;
import io.quanyu.ads.domain.allocation.ThompsonAllocator;
import io.quanyu.ads.domain.allocation.ThompsonConfig;
import io.quanyu.ads.domain.allocation.UniformPolicy;
import io.quanyu.ads.domain.sim.LiftExperiment;
import io.quanyu.ads.domain.sim.RunResult;
import io.quanyu.ads.domain.sim.SimScenario;
import io.quanyu.ads.domain.sim.Simulator;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * {@code ./quanyu bench ads-policy}: budget-allocation policies on a simulated market with known ground truth: the
 * equal split, the seeds' "ROI >= mean" rule and the service's Thompson sampling (plain and discounted), over the same
 * seeds, in a stationary and a drifting scenario; then the response-curve optimizer's promised and true lift over the
 * equal split on a saturating market. Medians over seeds (with quartiles), since single runs are noisy.
 * Args: [--seeds 20] [--rounds 200] [--campaigns 10] [--lift-days 42].
 */
public final class AdsPolicyBench {

    private static final double TARGET = 0.5;
    /** The discount the service recommends for drifting markets; the sweep below shows the neighbours. */
    private static final double DISCOUNT = 0.98;
    private static final String DISCOUNTED = "thompson(discount 0.98)";
    private static final double[] SWEEP = {0.95, 0.97, 0.98, 0.99, 1.0};
    /** The per-decision trust region the lift section also reports. */
    private static final double TRUST_REGION = 0.5;

    private AdsPolicyBench() {
    }

    public static void main(String[] args) {
        Map<String, Integer> opt = parse(args);
        int seeds = opt.getOrDefault("seeds", 20);
        int rounds = opt.getOrDefault("rounds", 200);
        int campaigns = opt.getOrDefault("campaigns", 10);
        int liftDays = opt.getOrDefault("lift-days", 42);
        long started = System.nanoTime();
        System.out.println("machine: " + Machine.describe());
        System.out.println("ads-policy bench: a SIMULATION with known ground truth, not field data. Protocol: every policy "
                + "runs on the same " + seeds + " seeds (seed s draws the same campaigns, drift and outcome random "
                + "stream for every policy); each round the policy splits the budget from the campaigns' history so "
                + "far, the market returns clicks, conversions and revenue; regret per round = expected revenue of the "
                + "oracle (knows the true rates, same constraints) - expected revenue of the policy's split, "
                + "cumulated over the rounds; revenue = realized revenue over the rounds.");
        Map<String, LongFunction<AllocationPolicy>> policies = new LinkedHashMap<>();
        policies.put("uniform", seed -> new UniformPolicy());
        policies.put("roi>=mean", seed -> new RoiAboveMeanPolicy());
        policies.put("thompson", seed -> new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(seed)));
        policies.put(DISCOUNTED, seed -> new ThompsonAllocator(ThompsonConfig.discounted(DISCOUNT),
                new SplittableRandom(seed)));
        for (SimScenario s : List.of(SimScenario.stationary(campaigns, rounds), SimScenario.drift(campaigns, rounds))) {
            System.out.println();
            System.out.println("scenario " + s.describe());
            Map<String, List<RunResult>> results = new LinkedHashMap<>();
            for (var p : policies.entrySet()) {
                List<RunResult> runs = new ArrayList<>();
                for (long seed = 1; seed <= seeds; seed++) {
                    runs.add(Simulator.run(s, seed, p.getValue().apply(seed)));
                }
                results.put(p.getKey(), runs);
            }
            double oracle = Stats.median(results.get("uniform").stream().mapToDouble(RunResult::oracleRevenue).toArray());
            System.out.printf("  oracle expected revenue: median %,.0f%n", oracle);
            System.out.printf("  %-26s %28s %16s %18s%n", "policy", "cum. regret median [p25-p75]", "regret/oracle",
                    "revenue median");
            for (var e : results.entrySet()) {
                double[] regret = e.getValue().stream().mapToDouble(RunResult::cumulativeRegret).toArray();
                double[] revenue = e.getValue().stream().mapToDouble(RunResult::revenue).toArray();
                System.out.printf("  %-26s %,12.0f [%,6.0f-%,6.0f] %15.1f%% %,18.0f%n", e.getKey(), Stats.median(regret),
                        Stats.quantile(regret, 0.25), Stats.quantile(regret, 0.75),
                        100 * Stats.median(regret) / oracle, Stats.median(revenue));
            }
            double[] roi = regrets(results.get("roi>=mean"));
            for (String ts : List.of("thompson", DISCOUNTED)) {
                double[] th = regrets(results.get(ts));
                double[] perSeed = new double[th.length];
                int met = 0;
                for (int i = 0; i < th.length; i++) {
                    perSeed[i] = th[i] / roi[i];
                    met += perSeed[i] <= TARGET ? 1 : 0;
                }
                double ratio = Stats.median(th) / Stats.median(roi);
                System.out.printf("  %s regret / roi>=mean regret: %.3f (ratio of medians; per-seed median %.3f, <= %.1f "
                                + "on %d of %d seeds) -> target <= %.1f %s%n", ts, ratio, Stats.median(perSeed), TARGET,
                        met, th.length, TARGET, ratio <= TARGET ? "MET" : "NOT MET");
            }
            StringBuilder sweep = new StringBuilder(
                    "  sensitivity, thompson regret / roi>=mean regret (ratio of medians) by discount:");
            for (double g : SWEEP) {
                double[] th = g == 1.0 ? regrets(results.get("thompson"))
                        : g == DISCOUNT ? regrets(results.get(DISCOUNTED)) : new double[seeds];
                for (int i = 0; g != 1.0 && g != DISCOUNT && i < seeds; i++) {
                    th[i] = Simulator.run(s, i + 1, new ThompsonAllocator(ThompsonConfig.discounted(g),
                            new SplittableRandom(i + 1))).cumulativeRegret();
                }
                sweep.append(String.format(Locale.ROOT, " %.2f -> %.3f;", g, Stats.median(th) / Stats.median(roi)));
            }
            System.out.println(sweep);
        }
        SimScenario base = SimScenario.stationary(campaigns, rounds);
        System.out.println();
        System.out.println(LiftExperiment.describe(base, liftDays));
        for (double region : new double[]{Double.POSITIVE_INFINITY, TRUST_REGION}) {
            double[] expected = new double[seeds];
            double[] truth = new double[seeds];
            double[] oracle = new double[seeds];
            int kept = 0;
            int worse = 0;
            for (int i = 0; i < seeds; i++) {
                LiftExperiment.Result r = LiftExperiment.run(base, i + 1, liftDays, region);
                expected[i] = r.expectedLift();
                truth[i] = r.trueLift();
                oracle[i] = r.oracleLift();
                kept += r.keptCurrent() ? 1 : 0;
                worse += r.trueLift() < 0 ? 1 : 0;
            }
            System.out.println(Double.isInfinite(region) ? "  unrestricted (only the campaigns' bounds):"
                    : String.format(Locale.ROOT, "  with a trust region (each campaign within +-%.0f%% of its current spend):",
                    100 * region));
            System.out.printf("    expected lift over the current allocation (fitted curves): median %+.1f%% [p25 %+.1f%%, "
                            + "p75 %+.1f%%], min %+.1f%% (never negative by construction)%n", 100 * Stats.median(expected),
                    100 * Stats.quantile(expected, 0.25), 100 * Stats.quantile(expected, 0.75),
                    100 * Stats.quantile(expected, 0));
            System.out.printf("    true lift (true curves): median %+.1f%% [p25 %+.1f%%, p75 %+.1f%%]; below zero on %d of %d "
                            + "seeds; current allocation kept on %d%n", 100 * Stats.median(truth),
                    100 * Stats.quantile(truth, 0.25), 100 * Stats.quantile(truth, 0.75), worse, seeds, kept);
            System.out.printf("    best possible lift (optimizer on the true curves, no trust region): median %+.1f%%%n",
                    100 * Stats.median(oracle));
        }
        System.out.printf("%nwall time %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    private static double[] regrets(List<RunResult> runs) {
        return runs.stream().mapToDouble(RunResult::cumulativeRegret).toArray();
    }

    private static Map<String, Integer> parse(String[] args) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--seeds N] [--rounds N] [--campaigns N] [--lift-days N]");
            }
            out.put(args[i].substring(2), Integer.parseInt(args[++i]));
        }
        return out;
    }
}
