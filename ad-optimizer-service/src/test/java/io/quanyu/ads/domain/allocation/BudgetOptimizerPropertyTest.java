package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded random problems: random curves, bounds, totals and current allocations. The optimizer's answer must satisfy
 * the constraints, never have a lower expected return than a feasible current allocation, and (curves being concave)
 * beat every other feasible allocation we can find at random.
 */
class BudgetOptimizerPropertyTest {

    private static final int CASES = 1500;

    @Test
    void feasibleAndNeverWorseThanTheCurrentAllocation() {
        SplittableRandom rng = new SplittableRandom(8086);
        int improved = 0;
        int kept = 0;
        for (int trial = 0; trial < CASES; trial++) {
            int k = 1 + rng.nextInt(8);
            boolean underspend = rng.nextInt(4) == 0;
            List<SpendBounds> bounds = new ArrayList<>();
            Map<String, ResponseCurve> curves = new HashMap<>();
            double sumMin = 0;
            double sumMax = 0;
            for (int i = 0; i < k; i++) {
                double min = rng.nextInt(3) == 0 ? 0 : rng.nextDouble() * 100;
                double max = min + (rng.nextInt(5) == 0 ? 0 : rng.nextDouble() * 500);
                bounds.add(new SpendBounds("c" + i, min, max));
                curves.put("c" + i, randomCurve(rng));
                sumMin += min;
                sumMax += max;
            }
            double total = underspend ? sumMin + rng.nextDouble() * 1.5 * (sumMax - sumMin)
                    : sumMin + rng.nextDouble() * (sumMax - sumMin);
            BudgetConstraints c = new BudgetConstraints(total, bounds, underspend);
            double[] current = randomFeasible(rng, c);
            Map<String, Double> currentMap = new HashMap<>();
            for (int i = 0; i < k; i++) {
                currentMap.put("c" + i, current[i]);
            }
            OptimizationResult r = BudgetOptimizer.optimize(c, curves, currentMap);
            double[] s = r.allocation().spends();
            assertThat(c.violation(s)).as("trial %d", trial).isNull();
            assertThat(r.currentViolation()).isNull();
            ResponseCurve[] f = bounds.stream().map(b -> curves.get(b.campaignId())).toArray(ResponseCurve[]::new);
            double mine = BudgetOptimizer.objective(c, f, s);
            double theirs = BudgetOptimizer.objective(c, f, current);
            assertThat(mine).as("trial %d", trial).isEqualTo(r.expectedReturn()).isGreaterThanOrEqualTo(theirs);
            assertThat(r.expectedLift()).isGreaterThanOrEqualTo(0.0);
            double tolerance = 1e-7 * Math.max(1, Math.abs(mine));
            for (int j = 0; j < 20; j++) {
                assertThat(mine).as("trial %d beats random feasible allocations", trial)
                        .isGreaterThanOrEqualTo(BudgetOptimizer.objective(c, f, randomFeasible(rng, c)) - tolerance);
            }
            if (r.keptCurrent()) {
                kept++;
            } else if (mine > theirs) {
                improved++;
            }
        }
        assertThat(improved).as("most random current allocations can be improved").isGreaterThan(CASES / 2);
        assertThat(kept).as("single-choice problems keep the current allocation").isPositive();
    }

    @Test
    void theGuaranteeHoldsEvenForCurvesTheOptimizerCannotSolve() {
        // S-shaped curves break water-filling's optimality; the no-worse guarantee must still hold.
        SplittableRandom rng = new SplittableRandom(25);
        int keptCurrent = 0;
        for (int trial = 0; trial < 600; trial++) {
            int k = 2 + rng.nextInt(4);
            List<SpendBounds> bounds = new ArrayList<>();
            Map<String, ResponseCurve> curves = new HashMap<>();
            for (int i = 0; i < k; i++) {
                bounds.add(new SpendBounds("c" + i, 0, 100));
                curves.put("c" + i, sShaped(50 + rng.nextDouble() * 500, 10 + rng.nextDouble() * 80));
            }
            BudgetConstraints c = BudgetConstraints.exact(rng.nextDouble() * 100 * k, bounds);
            double[] current = randomFeasible(rng, c);
            Map<String, Double> currentMap = new HashMap<>();
            for (int i = 0; i < k; i++) {
                currentMap.put("c" + i, current[i]);
            }
            OptimizationResult r = BudgetOptimizer.optimize(c, curves, currentMap);
            ResponseCurve[] f = bounds.stream().map(b -> curves.get(b.campaignId())).toArray(ResponseCurve[]::new);
            assertThat(c.violation(r.allocation().spends())).isNull();
            assertThat(r.expectedReturn()).isGreaterThanOrEqualTo(BudgetOptimizer.objective(c, f, current));
            keptCurrent += r.keptCurrent() ? 1 : 0;
        }
        assertThat(keptCurrent).as("the fallback path is exercised").isPositive();
    }

    private static ResponseCurve randomCurve(SplittableRandom rng) {
        return switch (rng.nextInt(3)) {
            case 0 -> new ExponentialCurve(rng.nextDouble() * 1000, 1 + rng.nextDouble() * 400);
            case 1 -> new HillCurve(rng.nextDouble() * 1000, 1 + rng.nextDouble() * 400, 0.3 + 0.7 * rng.nextDouble());
            default -> new LinearCurve(rng.nextDouble() * 4);
        };
    }

    /** A logistic-like S curve: convex then concave. */
    private static ResponseCurve sShaped(double a, double h) {
        return new ResponseCurve() {
            @Override
            public double revenue(double s) {
                double x = (s / h) * (s / h) * (s / h);
                return a * x / (1 + x);
            }

            @Override
            public double marginal(double s) {
                double x = (s / h) * (s / h) * (s / h);
                return s <= 0 ? 0 : a * 3 * x / (s * (1 + x) * (1 + x));
            }
        };
    }

    /** A random point of the feasible set: minimums, then random amounts poured in random order up to the total. */
    static double[] randomFeasible(SplittableRandom rng, BudgetConstraints c) {
        int k = c.size();
        double[] s = new double[k];
        double rest = c.mayUnderspend() ? rng.nextDouble() * (c.spendable() - c.sumMin()) : c.total() - c.sumMin();
        for (int i = 0; i < k; i++) {
            s[i] = c.campaigns().get(i).min();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(rng.nextLong()));
        for (int pass = 0; pass < 2 && rest > 0; pass++) {
            for (int i : order) {
                double room = c.campaigns().get(i).max() - s[i];
                double add = Math.min(rest, pass == 0 ? room * rng.nextDouble() : room);
                s[i] += add;
                rest -= add;
            }
        }
        return s;
    }
}
