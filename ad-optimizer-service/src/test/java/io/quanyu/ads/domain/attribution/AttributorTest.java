package io.quanyu.ads.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributorTest {

    private static final Instant T = Instant.parse("2025-03-10T12:00:00Z");
    private static final Duration WEEK = Duration.ofDays(7);

    private static Touch touch(String user, Instant at, String campaign, String ad, String channel) {
        return new Touch(user, at, campaign, ad, channel);
    }

    @Test
    void lastTouchGivesEverythingToTheMostRecentClickInTheWindow() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        Order order = Order.of("u:1", T, "o1", new BigDecimal("100.00"));
        List<Credit> credits = a.attribute(order, List.of(
                touch("u:1", T.minus(Duration.ofDays(3)), "c1", "a1", "search"),
                touch("u:1", T.minus(Duration.ofHours(1)), "c2", "a2", "social"),
                touch("u:1", T.plus(Duration.ofMinutes(1)), "c3", "a3", "search"))); // after the purchase: ignored

        assertThat(credits).containsExactly(new Credit("o1", "c2", "a2", "social", 1.0, 100_000_000L));
    }

    @Test
    void linearSplitsEvenlyAndGivesRemainderMicrosToTheMostRecentClicks() {
        Attributor a = new Attributor(WEEK, AttributionModel.LINEAR);
        // 10 micros over 3 clicks: 3 + 3 + 4, the extra micro to the newest click (c1/a1 again).
        Order order = new Order("u:1", T, "o1", 10);
        List<Credit> credits = a.attribute(order, List.of(
                touch("u:1", T.minus(Duration.ofHours(1)), "c1", "a1", "search"),
                touch("u:1", T.minus(Duration.ofDays(2)), "c1", "a1", "search"),
                touch("u:1", T.minus(Duration.ofDays(1)), "c2", "a2", "app")));

        assertThat(credits).hasSize(2);
        Credit c1 = credits.get(0);
        Credit c2 = credits.get(1);
        assertThat(c1.campaignId()).isEqualTo("c1");
        assertThat(c1.revenueMicros()).isEqualTo(7);
        assertThat(c1.conversions()).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c2.campaignId()).isEqualTo("c2");
        assertThat(c2.revenueMicros()).isEqualTo(3);
        assertThat(c2.conversions()).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void windowIsInclusiveAtBothEnds() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        Order order = new Order("u:1", T, "o1", 5);
        assertThat(a.windowStart(T)).isEqualTo(T.minus(WEEK));
        assertThat(a.eligible(touch("u:1", T.minus(WEEK), "c", "a", "x"), order)).isTrue();
        assertThat(a.eligible(touch("u:1", T.minus(WEEK).minusMillis(1), "c", "a", "x"), order)).isFalse();
        assertThat(a.eligible(touch("u:1", T, "c", "a", "x"), order)).isTrue();
        assertThat(a.eligible(touch("u:1", T.plusMillis(1), "c", "a", "x"), order)).isFalse();
        assertThat(a.attribute(order, List.of(touch("u:1", T.minus(WEEK).minusNanos(1), "c", "a", "x")))).isEmpty();
    }

    @Test
    void orderWithoutEligibleClickIsUnattributed() {
        Attributor a = new Attributor(Duration.ofDays(1), AttributionModel.LINEAR);
        Order order = new Order("u:1", T, "o1", 1_000);
        assertThat(a.attribute(order, List.of())).isEmpty();
        assertThat(a.attribute(order, List.of(touch("u:1", T.minus(Duration.ofDays(2)), "c", "a", "x")))).isEmpty();
    }

    @Test
    void simultaneousClicksResolveDeterministically() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        Order order = new Order("u:1", T, "o1", 1);
        Instant at = T.minusSeconds(60);
        List<Credit> one = a.attribute(order, List.of(touch("u:1", at, "c2", "a", "x"), touch("u:1", at, "c1", "a", "x")));
        List<Credit> two = a.attribute(order, List.of(touch("u:1", at, "c1", "a", "x"), touch("u:1", at, "c2", "a", "x")));
        assertThat(one).isEqualTo(two);
        assertThat(one.getFirst().campaignId()).isEqualTo("c2");
    }

    @Test
    void zeroAmountOrderStillCountsAConversion() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        List<Credit> credits = a.attribute(new Order("u:1", T, "o1", 0), List.of(touch("u:1", T, "c", "a", "x")));
        assertThat(credits).containsExactly(new Credit("o1", "c", "a", "x", 1.0, 0));
    }

    @Test
    void batchJoinsClicksAndPurchasesAcrossChannelsThroughTheCanonicalKey() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        List<Touch> touches = List.of(touch("a:anon1", T.minus(Duration.ofDays(1)), "c1", "a1", "social"));
        List<Order> orders = List.of(new Order("u:42", T, "o1", 50_000_000L),
                new Order("u:7", T, "o2", 20_000_000L));

        AttributionSummary withoutResolution = a.attributeAll(orders, touches);
        assertThat(withoutResolution.attributedOrders()).isZero();
        assertThat(withoutResolution.unattributedMicros()).isEqualTo(70_000_000L);

        Map<String, String> canonical = Map.of("a:anon1", "u:42");
        AttributionSummary s = a.attributeAll(orders, touches, k -> canonical.getOrDefault(k, k));
        assertThat(s.credits()).containsExactly(new AdCredit("c1", "a1", "social", 1.0, 50_000_000L));
        assertThat(s.attributedOrders()).isEqualTo(1);
        assertThat(s.unattributedOrders()).isEqualTo(1);
        assertThat(s.purchasedMicros()).isEqualTo(70_000_000L);
        assertThat(s.creditedMicros()).isEqualTo(50_000_000L);
        assertThat(s.unattributedMicros()).isEqualTo(20_000_000L);
    }

    @Test
    void redeliveredOrderIsAttributedOnce() {
        Attributor a = new Attributor(WEEK, AttributionModel.LAST_TOUCH);
        Order o = new Order("u:1", T, "o1", 9);
        AttributionSummary s = a.attributeAll(List.of(o, o), List.of(touch("u:1", T, "c", "a", "x")));
        assertThat(s.purchasedMicros()).isEqualTo(9);
        assertThat(s.creditedMicros()).isEqualTo(9);
        assertThat(s.credits().getFirst().conversions()).isEqualTo(1.0);
    }

    @Test
    void emptyBatchCreditsNothing() {
        AttributionSummary s = new Attributor(WEEK, AttributionModel.LINEAR).attributeAll(List.of(), List.of());
        assertThat(s.credits()).isEmpty();
        assertThat(s.purchasedMicros()).isZero();
    }

    @Test
    void rejectsNonPositiveWindowAndNegativeAmounts() {
        assertThatThrownBy(() -> new Attributor(Duration.ZERO, AttributionModel.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Attributor(Duration.ofHours(-1), AttributionModel.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Order("u", T, "o", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimalAmountsBecomeExactMicros() {
        assertThat(Order.of("u", T, "o", new BigDecimal("19.90")).amountMicros()).isEqualTo(19_900_000L);
        assertThat(Order.of("u", T, "o", new BigDecimal("0.0000015")).amountMicros()).isEqualTo(2L);
    }
}
