package io.quanyu.ads.domain.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.ads.domain.allocation.Allocation;
import io.quanyu.ads.domain.allocation.AllocationPolicy;
import io.quanyu.ads.domain.allocation.BudgetConstraints;
import io.quanyu.ads.domain.allocation.CampaignAllocation;
import io.quanyu.ads.domain.allocation.CampaignHistory;
import io.quanyu.ads.domain.allocation.RoiAboveMeanPolicy;
import io.quanyu.ads.domain.allocation.ThompsonAllocator;
import io.quanyu.ads.domain.allocation.ThompsonConfig;
import io.quanyu.ads.domain.allocation.UniformPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static final SimScenario SMALL = SimScenario.stationary(6, 60);

    /** Knows the truth: allocates like the oracle, so its regret must be zero. */
    private record Oracle(Market market, int[] round) implements AllocationPolicy {
        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public Allocation allocate(BudgetConstraints c, List<CampaignHistory> history) {
            double[] s = Simulator.oracleSpend(market, c, round[0]++);
            List<CampaignAllocation> out = new ArrayList<>();
            for (int i = 0; i < s.length; i++) {
                out.add(new CampaignAllocation(c.campaigns().get(i).campaignId(), s[i], "oracle"));
            }
            return new Allocation(name(), out, "oracle");
        }
    }

    @Test
    void oracleHasNoRegretAndUniformHasSome() {
        SimScenario drift = SimScenario.drift(6, 60);
        RunResult oracle = Simulator.run(drift, 3, new Oracle(Market.draw(drift, 3), new int[1]));
        assertThat(oracle.cumulativeRegret()).isCloseTo(0, within(1e-6));
        assertThat(oracle.expectedRevenue()).isCloseTo(oracle.oracleRevenue(), within(1e-6));
        RunResult uniform = Simulator.run(drift, 3, new UniformPolicy());
        assertThat(uniform.cumulativeRegret()).isPositive();
        assertThat(uniform.oracleRevenue()).isCloseTo(oracle.oracleRevenue(), within(1e-9));
        // Regret accumulates: it never decreases from round to round.
        double[] r = uniform.regretByRound();
        for (int t = 1; t < r.length; t++) {
            assertThat(r[t]).isGreaterThanOrEqualTo(r[t - 1] - 1e-9);
        }
    }

    @Test
    void runsAreReproducibleAndSeedsShareTheMarket() {
        RunResult a = Simulator.run(SMALL, 11, new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(11)));
        RunResult b = Simulator.run(SMALL, 11, new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(11)));
        assertThat(a.cumulativeRegret()).isEqualTo(b.cumulativeRegret());
        assertThat(a.revenue()).isEqualTo(b.revenue());
        Market m = Market.draw(SMALL, 4);
        Market d = Market.draw(SimScenario.drift(6, 60), 4);
        for (int i = 0; i < 6; i++) {
            assertThat(d.cvr(0, i)).isEqualTo(m.cvr(0, i));
            assertThat(d.cvr(29, i)).isEqualTo(m.cvr(29, i));
            assertThat(d.cpc(i)).isEqualTo(m.cpc(i));
        }
        assertThat(Arrays.stream(new int[]{0, 1, 2, 3, 4, 5}).filter(i -> d.cvr(30, i) != m.cvr(30, i)).count())
                .as("drift redraws the conversion rates at round 30").isEqualTo(6);
    }

    @Test
    void thompsonLearnsFasterThanTheSeedsRule() {
        double thompson = 0;
        double rule = 0;
        for (long seed = 1; seed <= 5; seed++) {
            thompson += Simulator.run(SMALL, seed, new ThompsonAllocator(ThompsonConfig.defaults(),
                    new SplittableRandom(seed))).cumulativeRegret();
            rule += Simulator.run(SMALL, seed, new RoiAboveMeanPolicy()).cumulativeRegret();
        }
        assertThat(thompson).isLessThan(rule);
    }

    @Test
    void aPolicyThatBreaksTheConstraintsIsCaught() {
        AllocationPolicy greedy = new AllocationPolicy() {
            @Override
            public String name() {
                return "overspender";
            }

            @Override
            public Allocation allocate(BudgetConstraints c, List<CampaignHistory> history) {
                return new Allocation(name(), c.campaigns().stream()
                        .map(b -> new CampaignAllocation(b.campaignId(), b.max(), "all in")).toList(), "");
            }
        };
        assertThatThrownBy(() -> Simulator.run(SMALL, 1, greedy)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("overspender");
    }

    @Test
    void optimizerNeverPromisesALossAndTheOracleBoundsTheTruth() {
        for (long seed = 1; seed <= 4; seed++) {
            LiftExperiment.Result r = LiftExperiment.run(SimScenario.stationary(8, 10), seed, 42);
            assertThat(r.expectedLift()).isGreaterThanOrEqualTo(0);
            assertThat(r.trueLift()).isLessThanOrEqualTo(r.oracleLift() + 1e-9);
            assertThat(r.oracleLift()).isPositive();
        }
    }

    @Test
    void scenarioDescriptionStatesTheDistributions() {
        assertThat(SimScenario.drift(10, 200).describe()).contains("Beta(2, 60)").contains("LogNormal(ln 60, 0.4)")
                .contains("at round 100 every cvr is redrawn");
        assertThatThrownBy(() -> SimScenario.stationary(2, 10)).as("two campaigns cannot absorb the budget at 30% each")
                .isInstanceOf(IllegalArgumentException.class);
    }
}
