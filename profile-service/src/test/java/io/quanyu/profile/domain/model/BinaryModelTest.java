package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import smile.classification.LogisticRegression;

/** Training and scoring of the logistic models, and the smile coefficient layout they rely on. */
class BinaryModelTest {

    private static final Duration HORIZON = Duration.ofDays(14);

    @Test
    void propensityModelLearnsASeparableShopAndScoresHeldOutCustomersWell() {
        List<CustomerHistory> shop = SyntheticShop.histories(400, 120, 1);
        LabeledSet train = LabeledSet.build(shop, Target.PURCHASE_PROPENSITY, FeaturesTest.day(60), HORIZON);
        BinaryModel model = BinaryModel.train(train);

        // Other customers, later cutoff: nothing of this set was seen in training.
        List<CustomerHistory> other = SyntheticShop.histories(400, 120, 2);
        LabeledSet test = LabeledSet.build(other, Target.PURCHASE_PROPENSITY, FeaturesTest.day(100), HORIZON);
        double[] scores = new double[test.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = model.score(test.x()[i]);
            assertThat(scores[i]).isBetween(0.0, 1.0);
        }
        assertThat(test.positiveRate()).isBetween(0.2, 0.8);
        assertThat(RankingMetrics.auc(test.y(), scores)).isGreaterThan(0.9);
        // Individual weights are not asserted: the count features are collinear, so their signs are not identifiable.
        double buyer = model.score(Features.at(other.get(0), FeaturesTest.day(100)));
        double browser = model.score(Features.at(other.get(1), FeaturesTest.day(100)));
        assertThat(buyer).isGreaterThan(browser);
    }

    @Test
    void refusesToTrainOnOneClass() {
        LabeledSet allPositive = new LabeledSet(Target.PURCHASE_PROPENSITY, FeaturesTest.T0, HORIZON,
                List.of("a", "b"), new double[][] {row(1), row(2)}, new int[] {1, 1});
        assertThatThrownBy(() -> BinaryModel.train(allPositive))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("both classes");
    }

    @Test
    void scoresExactlyLikeSmileOnTheSameInput() {
        // Pins the coefficient layout assumed by BinaryModel: p weights, then the intercept.
        double[][] x = {{-2, 1}, {-1, 0}, {0, 1}, {1, 0}, {2, 1}, {0.5, 0.5}};
        int[] y = {0, 0, 1, 0, 1, 1};
        LogisticRegression.Binomial fit = LogisticRegression.binomial(x, y, new LogisticRegression.Options(0.1, 1e-5, 500));
        double[] w = fit.coefficients();
        assertThat(w).hasSize(3);
        for (double[] row : x) {
            double own = 1 / (1 + Math.exp(-(w[0] * row[0] + w[1] * row[1] + w[2])));
            assertThat(own).isCloseTo(fit.score(row), within(1e-12));
        }
    }

    @Test
    void isPlainDataThatRoundTripsThroughItsComponents() {
        List<CustomerHistory> shop = SyntheticShop.histories(200, 120, 3);
        BinaryModel model = BinaryModel.train(LabeledSet.build(shop, Target.CHURN_RISK, FeaturesTest.day(60), HORIZON));
        // What a store would do: keep the components, rebuild later.
        Map<String, Object> stored = Map.of("target", model.target().name(), "weights", model.weights().clone(),
                "means", model.means().clone(), "stds", model.stds().clone(), "intercept", model.intercept());
        BinaryModel loaded = new BinaryModel(Target.valueOf((String) stored.get("target")), model.trainCutoff(),
                model.horizon(), model.featureNames(), (double[]) stored.get("means"), (double[]) stored.get("stds"),
                (double[]) stored.get("weights"), (double) stored.get("intercept"));
        assertThat(loaded).isEqualTo(model);
        double[] f = Features.at(shop.getFirst(), FeaturesTest.day(100));
        assertThat(loaded.score(f)).isEqualTo(model.score(f));
    }

    private static double[] row(double v) {
        double[] r = new double[Features.NAMES.size()];
        java.util.Arrays.fill(r, v);
        return r;
    }
}
