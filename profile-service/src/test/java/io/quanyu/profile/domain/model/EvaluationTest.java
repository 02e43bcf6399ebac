package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The time-based evaluation protocol and its guards against leaking or censored labels. */
class EvaluationTest {

    private static final Duration HORIZON = Duration.ofDays(14);
    private final List<CustomerHistory> shop = SyntheticShop.histories(400, 130, 5);

    @Test
    void reportsModelAndBaselineOnALaterWindow() {
        Map<Target, Evaluation.Report> reports = Evaluation.evaluate(shop, FeaturesTest.day(80), FeaturesTest.day(100), HORIZON);
        Evaluation.Report propensity = reports.get(Target.PURCHASE_PROPENSITY);
        assertThat(propensity.trainSize()).isEqualTo(400);
        assertThat(propensity.testSize()).isEqualTo(400);
        assertThat(propensity.k()).isEqualTo(40);
        assertThat(propensity.model().auc()).isGreaterThan(0.9);
        assertThat(propensity.model().precisionAtK()).isGreaterThan(0.9);
        assertThat(propensity.baseline().auc()).isGreaterThan(0.5);
        assertThat(propensity.format()).contains("purchase_propensity", "model AUC=", "baseline AUC=");
        assertThat(reports.get(Target.CHURN_RISK).testSize()).isPositive();
    }

    @Test
    void rejectsOverlappingLabelWindows() {
        assertThatThrownBy(() -> Evaluation.evaluate(shop, FeaturesTest.day(90), FeaturesTest.day(100), HORIZON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("overlap");
    }

    @Test
    void rejectsATestWindowBeyondTheData() {
        assertThatThrownBy(() -> Evaluation.evaluate(shop, FeaturesTest.day(80), FeaturesTest.day(125), HORIZON))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("histories end");
    }

    @Test
    void baselineRanksPurchasesBeforeRecency() {
        double[] recentNoBuy = new double[Features.NAMES.size()];
        double[] oldOneBuy = recentNoBuy.clone();
        oldOneBuy[Features.PURCHASES_90D] = 1;
        oldOneBuy[Features.DAYS_SINCE_LAST_ACTIVITY] = 80;
        assertThat(Evaluation.baselineScore(Target.PURCHASE_PROPENSITY, oldOneBuy))
                .isGreaterThan(Evaluation.baselineScore(Target.PURCHASE_PROPENSITY, recentNoBuy));
    }
}
