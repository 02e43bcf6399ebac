package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feature values as of a cutoff, and the labels of the window after it. */
class FeaturesTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    static Instant day(double d) {
        return T0.plusSeconds((long) (d * 86_400));
    }

    static Activity view(double d, String category) {
        return new Activity(day(d), Activity.PRODUCT_VIEW, null, category);
    }

    static Activity purchase(double d, String amount, String category) {
        return new Activity(day(d), Activity.PURCHASE, new BigDecimal(amount), category);
    }

    private static double f(double[] x, String name) {
        return x[Features.NAMES.indexOf(name)];
    }

    private final List<Activity> activities = List.of(
            view(0, "tea"),
            purchase(0.01, "20.00", "tea"),
            view(50, "cups"),
            new Activity(day(55), Activity.REVIEW, null, "tea"),
            purchase(95, "30.00", "cups"),
            new Activity(day(96), Activity.REFUND, new BigDecimal("5.00"), "cups"),
            new Activity(day(99), Activity.ADD_TO_CART, null, "tea"),
            new Activity(day(99.5), "search", null, null));

    @Test
    void computesEachFeatureAsOfTheCutoff() {
        // Shuffled on purpose: the history sorts itself.
        List<Activity> shuffled = new ArrayList<>(activities);
        java.util.Collections.reverse(shuffled);
        double[] x = Features.at(new CustomerHistory("c1", shuffled), day(100));

        assertThat(x).hasSize(Features.NAMES.size());
        assertThat(f(x, "days_since_last_activity")).isCloseTo(0.5, within(1e-9));
        assertThat(f(x, "days_since_last_purchase")).isCloseTo(5, within(1e-9));
        assertThat(f(x, "days_since_first_seen")).isCloseTo(100, within(1e-9));
        assertThat(f(x, "activities_7d")).isEqualTo(4);
        assertThat(f(x, "activities_30d")).isEqualTo(4);
        assertThat(f(x, "activities_90d")).isEqualTo(6);
        assertThat(f(x, "purchases_total")).isEqualTo(2);
        assertThat(f(x, "purchases_90d")).isEqualTo(1);
        assertThat(f(x, "net_spend_total")).isCloseTo(45, within(1e-9));
        assertThat(f(x, "product_views_total")).isEqualTo(2);
        assertThat(f(x, "add_to_cart_30d")).isEqualTo(1);
        assertThat(f(x, "distinct_categories")).isEqualTo(2);
        assertThat(f(x, "reviews_total")).isEqualTo(1);
    }

    @Test
    void activityAfterTheCutoffChangesNothing() {
        Instant cutoff = day(60);
        double[] before = Features.at(new CustomerHistory("c1", activities), cutoff);
        List<Activity> more = new ArrayList<>(activities);
        more.add(purchase(60.001, "999.00", "new-category"));
        more.add(view(61, "other"));
        double[] after = Features.at(new CustomerHistory("c1", more), cutoff);
        assertThat(after).containsExactly(before);
        // An activity exactly at the cutoff is known at the cutoff.
        more.add(purchase(60, "1.00", "tea"));
        assertThat(Features.at(new CustomerHistory("c1", more), cutoff)[Features.NAMES.indexOf("purchases_total")])
                .isEqualTo(before[Features.NAMES.indexOf("purchases_total")] + 1);
    }

    @Test
    void customerWithoutActivityBeforeTheCutoffIsNotScorable() {
        CustomerHistory h = new CustomerHistory("c1", activities);
        assertThat(Features.isActive(h, day(-1))).isFalse();
        assertThat(Features.at(h, day(-1))).isNull();
        assertThat(Features.at(new CustomerHistory("c2", List.of()), day(10))).isNull();
    }

    @Test
    void neverPurchasedIsCappedAtAYear() {
        double[] x = Features.at(new CustomerHistory("c1", List.of(view(0, "tea"))), day(1000));
        assertThat(f(x, "days_since_last_purchase")).isEqualTo(Features.NO_PURCHASE_DAYS);
        assertThat(f(x, "days_since_last_activity")).isCloseTo(1000, within(1e-9));
    }

    @Test
    void purchaseNeedsAnAmount() {
        assertThatThrownBy(() -> new Activity(T0, Activity.PURCHASE, null, "tea"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelsLookOnlyIntoTheWindowAfterTheCutoff() {
        CustomerHistory h = new CustomerHistory("c1", activities);
        Duration h10 = Duration.ofDays(10);
        assertThat(Target.PURCHASE_PROPENSITY.label(h, day(90), h10)).isEqualTo(1);
        // The purchase at day 95 is at the cutoff, not after it.
        assertThat(Target.PURCHASE_PROPENSITY.label(h, day(95), h10)).isEqualTo(0);
        assertThat(Target.CHURN_RISK.label(h, day(95), h10)).isEqualTo(0);
        assertThat(Target.CHURN_RISK.label(h, day(100), h10)).isEqualTo(1);
    }
}
