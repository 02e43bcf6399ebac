package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.ads.domain.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetConstraintsTest {

    private static final List<SpendBounds> BOUNDS = List.of(new SpendBounds("a", 10, 50), new SpendBounds("b", 20, 60));

    @Test
    void infeasibleTotalsAreTypedErrors() {
        assertThatThrownBy(() -> BudgetConstraints.exact(29, BOUNDS)).isInstanceOf(InfeasibleBudgetException.class)
                .hasMessageContaining("minimum").extracting(e -> ((InvalidRequestException) e).code())
                .isEqualTo("infeasible_budget");
        assertThatThrownBy(() -> BudgetConstraints.exact(111, BOUNDS)).isInstanceOf(InfeasibleBudgetException.class)
                .hasMessageContaining("maximum");
        assertThatThrownBy(() -> new SpendBounds("x", 5, 4)).isInstanceOf(InfeasibleBudgetException.class);
        assertThatThrownBy(() -> new SpendBounds("x", -1, 4)).isInstanceOf(InfeasibleBudgetException.class);
        assertThatThrownBy(() -> new SpendBounds("x", 0, Double.POSITIVE_INFINITY))
                .isInstanceOf(InfeasibleBudgetException.class);
        assertThatThrownBy(() -> BudgetConstraints.exact(Double.NaN, BOUNDS)).isInstanceOf(InfeasibleBudgetException.class);
        assertThatThrownBy(() -> BudgetConstraints.exact(40, List.of(new SpendBounds("a", 0, 50), new SpendBounds("a", 0, 50))))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> BudgetConstraints.exact(0, List.of())).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void boundaryTotalsAreFeasible() {
        assertThat(BudgetConstraints.exact(30, BOUNDS).spendable()).isEqualTo(30);
        assertThat(BudgetConstraints.exact(110, BOUNDS).spendable()).isEqualTo(110);
        // Under "at most" a total beyond the maximums is fine: only 110 can be spent.
        assertThat(BudgetConstraints.atMost(500, BOUNDS).spendable()).isEqualTo(110);
    }

    @Test
    void violationExplainsWhatIsWrong() {
        BudgetConstraints c = BudgetConstraints.exact(100, BOUNDS);
        assertThat(c.violation(new double[]{40, 60})).isNull();
        assertThat(c.violation(new double[]{5, 95})).contains("campaign a");
        assertThat(c.violation(new double[]{40, 50})).contains("instead of the total");
        assertThat(c.violation(new double[]{40})).contains("expected 2");
        assertThat(BudgetConstraints.atMost(100, BOUNDS).violation(new double[]{30, 30})).isNull();
        assertThat(BudgetConstraints.atMost(100, BOUNDS).violation(new double[]{50, 60})).contains("more than");
    }

    @Test
    void trustRegionNarrowsBoundsAroundTheCurrentSpend() {
        BudgetConstraints c = BudgetConstraints.exact(100, BOUNDS);
        BudgetConstraints narrowed = c.narrowedAround(Map.of("a", 40.0, "b", 60.0), 0.25);
        // a: [max(10, 30), min(50, 50)] = [30, 50]; b: [max(20, 45), min(60, 75)] = [45, 60].
        assertThat(narrowed.campaigns()).containsExactly(new SpendBounds("a", 30, 50), new SpendBounds("b", 45, 60));
        assertThat(c.narrowedAround(Map.of("a", 40.0), 0).campaigns())
                .containsExactly(new SpendBounds("a", 40, 40), new SpendBounds("b", 20, 60));
        assertThatThrownBy(() -> c.narrowedAround(Map.of("a", 10.0, "b", 20.0), 0.1))
                .isInstanceOf(InfeasibleBudgetException.class);
    }

    @Test
    void sharesBuildsBoundsFromFractions() {
        BudgetConstraints c = BudgetConstraints.shares(1000, List.of("a", "b", "c", "d"), 0.1, 0.5);
        assertThat(c.campaigns()).containsExactly(new SpendBounds("a", 100, 500), new SpendBounds("b", 100, 500),
                new SpendBounds("c", 100, 500), new SpendBounds("d", 100, 500));
    }
}
