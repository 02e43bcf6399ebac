package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetOptimizerTest {

    private static final Map<String, ResponseCurve> AB = Map.of("a", new ExponentialCurve(200, 100),
            "b", new ExponentialCurve(100, 100));

    private static BudgetConstraints free(double total) {
        return BudgetConstraints.exact(total, List.of(new SpendBounds("a", 0, total), new SpendBounds("b", 0, total)));
    }

    @Test
    void equalizesMarginalReturns() {
        // 2 e^(-sa/100) = e^(-sb/100) and sa + sb = 100  →  sa = (100 + 100 ln 2) / 2.
        OptimizationResult r = BudgetOptimizer.optimize(free(100), AB, Map.of("a", 50.0, "b", 50.0));
        assertThat(r.allocation().spendOf("a")).isCloseTo(84.65735902799727, within(1e-6));
        assertThat(r.allocation().spendOf("b")).isCloseTo(15.342640972002727, within(1e-6));
        assertThat(r.expectedReturn()).isCloseTo(128.44722300785864, within(1e-9));
        assertThat(r.currentExpectedReturn()).isCloseTo(118.04080208620996, within(1e-12));
        assertThat(r.expectedLift()).isCloseTo(10.406420921648674, within(1e-9));
        assertThat(r.relativeLift()).isCloseTo(10.406420921648674 / 118.04080208620996, within(1e-9));
        assertThat(r.keptCurrent()).isFalse();
        assertThat(r.allocation().policy()).isEqualTo(BudgetOptimizer.POLICY);
        assertThat(r.allocation().summary()).contains("+10.41 over the current");
    }

    @Test
    void respectsBoundsThatBind() {
        BudgetConstraints c = BudgetConstraints.exact(100, List.of(new SpendBounds("a", 0, 60), new SpendBounds("b", 0, 100)));
        OptimizationResult r = BudgetOptimizer.optimize(c, AB, null);
        assertThat(r.allocation().spends()).containsExactly(new double[]{60, 40}, within(1e-9));
        assertThat(r.expectedReturn()).isCloseTo(123.20566817763078, within(1e-9));
        assertThat(r.allocation().campaigns().getFirst().reason()).contains("at its maximum");
        assertThat(r.currentExpectedReturn()).isNull();
        assertThat(r.expectedLift()).isNull();
    }

    @Test
    void linearCurvesFillTheBestFirst() {
        BudgetConstraints c = BudgetConstraints.exact(150, List.of(new SpendBounds("a", 10, 100), new SpendBounds("b", 10, 100)));
        OptimizationResult r = BudgetOptimizer.optimize(c, Map.of("a", new LinearCurve(2), "b", new LinearCurve(3)), null);
        assertThat(r.allocation().spends()).containsExactly(new double[]{50, 100}, within(1e-9));
        assertThat(r.expectedReturn()).isCloseTo(400, within(1e-9));
    }

    @Test
    void atMostStopsWhereTheNextUnitReturnsLessThanItCosts() {
        BudgetConstraints c = BudgetConstraints.atMost(1000, List.of(new SpendBounds("a", 0, 1000)));
        OptimizationResult r = BudgetOptimizer.optimize(c, Map.of("a", new ExponentialCurve(100, 50)), null);
        assertThat(r.allocation().spendOf("a")).isCloseTo(50 * Math.log(2), within(1e-9));
        assertThat(r.expectedReturn()).as("expected profit").isCloseTo(15.342640972002734, within(1e-9));
        assertThat(r.expectedRevenue()).isCloseTo(50, within(1e-9));

        // A tight budget binds before the break-even point.
        OptimizationResult tight = BudgetOptimizer.optimize(BudgetConstraints.atMost(10,
                List.of(new SpendBounds("a", 0, 1000))), Map.of("a", new ExponentialCurve(100, 50)), null);
        assertThat(tight.allocation().spendOf("a")).isCloseTo(10, within(1e-9));
    }

    @Test
    void keepsTheCurrentAllocationWhenNothingBeatsIt() {
        Map<String, Double> optimum = Map.of("a", 84.65735902799727, "b", 15.342640972002727);
        OptimizationResult r = BudgetOptimizer.optimize(free(100), AB, optimum);
        assertThat(r.keptCurrent()).isTrue();
        assertThat(r.allocation().asMap()).isEqualTo(optimum);
        assertThat(r.expectedLift()).isZero();
        assertThat(r.allocation().summary()).startsWith("current allocation kept");
    }

    @Test
    void infeasibleCurrentAllocationIsReportedAndReplaced() {
        OptimizationResult r = BudgetOptimizer.optimize(free(100), AB, Map.of("a", 80.0, "b", 10.0));
        assertThat(r.currentViolation()).contains("instead of the total");
        assertThat(r.keptCurrent()).isFalse();
        assertThat(r.allocation().total()).isCloseTo(100, within(1e-9));
        assertThat(r.allocation().summary()).contains("breaks the constraints");
    }

    @Test
    void everyCampaignNeedsACurve() {
        assertThatThrownBy(() -> BudgetOptimizer.optimize(free(100), Map.of("a", new LinearCurve(1)), null))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).code()).isEqualTo("missing_curve"));
    }

    @Test
    void budgetAtTheMinimumsLeavesNoChoice() {
        BudgetConstraints c = BudgetConstraints.exact(30, List.of(new SpendBounds("a", 10, 100), new SpendBounds("b", 20, 100)));
        OptimizationResult r = BudgetOptimizer.optimize(c, AB, null);
        assertThat(r.allocation().spends()).containsExactly(new double[]{10, 20}, within(1e-9));
    }
}
