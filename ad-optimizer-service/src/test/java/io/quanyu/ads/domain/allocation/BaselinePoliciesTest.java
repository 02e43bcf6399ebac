package io.quanyu.ads.domain.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class BaselinePoliciesTest {

    private static CampaignHistory history(String id, double spend, double revenue) {
        return new CampaignHistory(id, List.of(new DailyStats(spend / 2, 10, 1, revenue / 2),
                new DailyStats(spend / 2, 10, 1, revenue / 2)));
    }

    @Test
    void uniformSplitsEquallyWithinBounds() {
        BudgetConstraints c = BudgetConstraints.exact(1000, List.of(new SpendBounds("a", 0, 100),
                new SpendBounds("b", 0, 1000), new SpendBounds("c", 0, 1000), new SpendBounds("d", 0, 1000)));
        Allocation a = new UniformPolicy().allocate(c, List.of());
        assertThat(a.spends()).containsExactly(new double[]{100, 300, 300, 300}, within(1e-9));
        assertThat(a.policy()).isEqualTo("uniform");
        assertThat(c.violation(a.spends())).isNull();
    }

    @Test
    void roiAboveMeanKeepsCampaignsAtOrAboveTheMeanAndThoseWithoutData() {
        // ROIs 3, 1, 2 (mean 2): a and c (equal to the mean) are kept, d has no spend yet and is kept, b gets its min.
        BudgetConstraints c = BudgetConstraints.exact(1000, List.of(new SpendBounds("a", 10, 1000),
                new SpendBounds("b", 10, 1000), new SpendBounds("c", 10, 1000), new SpendBounds("d", 10, 1000)));
        Allocation a = new RoiAboveMeanPolicy().allocate(c, List.of(history("a", 100, 300), history("b", 100, 100),
                history("c", 100, 200)));
        assertThat(a.spends()).containsExactly(new double[]{330, 10, 330, 330}, within(1e-9));
        assertThat(a.campaigns().get(1).reason()).isEqualTo("ROI 1.000 < mean 2.000: minimum spend only");
        assertThat(a.campaigns().get(2).reason()).startsWith("ROI 2.000 >= mean 2.000");
        assertThat(a.campaigns().get(3).reason()).contains("no spend yet");
        assertThat(a.summary()).startsWith("3 of 4 campaigns");
    }

    @Test
    void roiAboveMeanWithoutAnyDataIsUniform() {
        BudgetConstraints c = BudgetConstraints.shares(900, List.of("a", "b", "c"), 0, 1);
        assertThat(new RoiAboveMeanPolicy().allocate(c, List.of()).spends())
                .containsExactly(new double[]{300, 300, 300}, within(1e-9));
    }

    @Test
    void historiesFollowTheConstraintsOrderAndDiscountOldDays() {
        CampaignHistory h = new CampaignHistory("a", List.of(new DailyStats(100, 100, 10, 600),
                new DailyStats(100, 100, 0, 0)));
        assertThat(h.total()).isEqualTo(new DailyStats(200, 200, 10, 600));
        assertThat(h.discounted(0.5)).isEqualTo(new DailyStats(150, 150, 5, 300));
        BudgetConstraints c = BudgetConstraints.shares(10, List.of("x", "a"), 0, 1);
        CampaignHistory[] aligned = CampaignHistory.align(c, List.of(h));
        assertThat(aligned[0].days()).isEmpty();
        assertThat(aligned[1]).isSameAs(h);
    }
}
