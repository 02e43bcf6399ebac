package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ThompsonAllocatorTest {

    private static CampaignHistory days(String id, int n, DailyStats day) {
        List<DailyStats> d = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            d.add(day);
        }
        return new CampaignHistory(id, d);
    }

    @Test
    void posteriorsFollowTheConjugateUpdates() {
        // One campaign: 1000 clicks, 30 conversions, revenue 1800, spend 500. Pooled mean value = 60, CPC = 0.5.
        BudgetConstraints c = BudgetConstraints.shares(100, List.of("a"), 0, 1);
        ThompsonAllocator t = new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(1));
        ArmPosterior p = t.posteriors(c, List.of(days("a", 1, new DailyStats(500, 1000, 30, 1800)))).getFirst();
        assertThat(p.alpha()).isEqualTo(31);
        assertThat(p.beta()).isEqualTo(971);
        assertThat(p.valueShape()).isEqualTo(32); // 2 pseudo-orders + 30 orders, shape 1 each
        assertThat(p.valueRate()).isEqualTo(1920); // 2 · 60 + 1800
        assertThat(p.costPerClick()).isEqualTo(0.5);
        assertThat(p.meanOrderValue()).isCloseTo(1920.0 / 31, within(1e-12));
        assertThat(p.meanRoas()).isCloseTo(3.8323353293413174, within(1e-12));

        ArmPosterior k2 = new ThompsonAllocator(ThompsonConfig.defaults().withOrderValueShape(2), new SplittableRandom(1))
                .posteriors(c, List.of(days("a", 1, new DailyStats(500, 1000, 30, 1800)))).getFirst();
        assertThat(k2.valueShape()).isEqualTo(64);
        assertThat(k2.meanOrderValue()).isCloseTo(2 * 1920.0 / 63, within(1e-12));
    }

    @Test
    void discountingLetsRecentEvidenceDominate() {
        BudgetConstraints c = BudgetConstraints.shares(100, List.of("a"), 0, 1);
        CampaignHistory h = new CampaignHistory("a", List.of(new DailyStats(100, 100, 10, 600),
                new DailyStats(100, 100, 0, 0)));
        ArmPosterior plain = new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(1))
                .posteriors(c, List.of(h)).getFirst();
        ArmPosterior half = new ThompsonAllocator(new ThompsonConfig(0.5, 10, 1, 1, 2, 1), new SplittableRandom(1))
                .posteriors(c, List.of(h)).getFirst();
        assertThat(plain.alpha()).isEqualTo(11);
        assertThat(plain.beta()).isEqualTo(191);
        assertThat(half.alpha()).isEqualTo(6);
        assertThat(half.beta()).isEqualTo(146);
    }

    @Test
    void clearWinnerGetsItsMaximumAndTheReasonSaysSo() {
        // a: ROAS 5 (cvr 5%, value 50, cpc 0.5) on 20 000 clicks; b: ROAS 1 (cvr 1%, value 50, cpc 0.5).
        BudgetConstraints c = BudgetConstraints.exact(1000, List.of(new SpendBounds("a", 100, 700),
                new SpendBounds("b", 100, 900)));
        List<CampaignHistory> h = List.of(days("a", 20, new DailyStats(500, 1000, 50, 2500)),
                days("b", 20, new DailyStats(500, 1000, 10, 500)));
        Allocation a = new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(7)).allocate(c, h);
        assertThat(a.spends()).containsExactly(new double[]{700, 300}, within(1e-6));
        assertThat(a.campaigns().get(0).reason()).contains("P(best)=1.00").contains("posterior mean ROAS 5.0");
        assertThat(a.campaigns().get(1).reason()).contains("P(best)=0.00");
        assertThat(a.summary()).contains("most likely best: a");
    }

    @Test
    void withoutDataItExploresEverythingAndStaysFeasibleAndReproducible() {
        BudgetConstraints c = BudgetConstraints.exact(1000, List.of(new SpendBounds("a", 50, 400),
                new SpendBounds("b", 50, 400), new SpendBounds("c", 50, 400), new SpendBounds("d", 50, 400)));
        Allocation one = new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(3)).allocate(c, List.of());
        Allocation two = new ThompsonAllocator(ThompsonConfig.defaults(), new SplittableRandom(3)).allocate(c, List.of());
        assertThat(one).isEqualTo(two);
        assertThat(c.violation(one.spends())).isNull();
        assertThat(one.total()).isCloseTo(1000, within(1e-9));
        // Symmetric ignorance: nobody is starved to the minimum or handed the maximum every draw.
        for (double s : one.spends()) {
            assertThat(s).isBetween(100.0, 400.0);
        }
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> new ThompsonConfig(0, 10, 1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonConfig(1, 0, 1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThompsonConfig(1, 1, 1, 1, 2, 0.4)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new ThompsonAllocator(ThompsonConfig.discounted(0.9), new SplittableRandom(1)).name())
                .isEqualTo("thompson(discount 0.90)");
    }
}
