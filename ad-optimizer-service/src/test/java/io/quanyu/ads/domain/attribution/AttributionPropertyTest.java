package io.quanyu.ads.domain.attribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seeded random batches: credits never exceed purchases and add up exactly whenever an order is attributable. */
class AttributionPropertyTest {

    private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void creditsNeverExceedAndExactlyMatchAttributablePurchases() {
        SplittableRandom rng = new SplittableRandom(20250310);
        int attributable = 0;
        for (int trial = 0; trial < 800; trial++) {
            Duration window = Duration.ofMinutes(60 + rng.nextInt(14 * 24 * 60));
            AttributionModel model = rng.nextBoolean() ? AttributionModel.LAST_TOUCH : AttributionModel.LINEAR;
            Attributor a = new Attributor(window, model);
            int users = 1 + rng.nextInt(5);
            List<Touch> touches = new ArrayList<>();
            for (int i = rng.nextInt(25); i > 0; i--) {
                touches.add(new Touch("u" + rng.nextInt(users), at(rng), "c" + rng.nextInt(4), "a" + rng.nextInt(3),
                        rng.nextBoolean() ? "search" : "social"));
            }
            List<Order> orders = new ArrayList<>();
            for (int i = 1 + rng.nextInt(10); i > 0; i--) {
                // Amounts from 0 to 10^9 micros, many of them not divisible by the number of clicks.
                orders.add(new Order("u" + rng.nextInt(users), at(rng), "o" + trial + "-" + i,
                        rng.nextLong(1_000_000_000L)));
            }
            long purchased = 0;
            long expectedCredited = 0;
            for (Order o : orders) {
                purchased += o.amountMicros();
                List<Touch> mine = touches.stream().filter(t -> t.userKey().equals(o.userKey())).toList();
                List<Touch> eligible = mine.stream().filter(t -> !t.time().isBefore(o.time().minus(window))
                        && !t.time().isAfter(o.time())).toList();
                List<Credit> credits = a.attribute(o, mine);
                long sum = credits.stream().mapToLong(Credit::revenueMicros).sum();
                double conversions = credits.stream().mapToDouble(Credit::conversions).sum();
                assertThat(credits).allSatisfy(c -> assertThat(c.revenueMicros()).isNotNegative());
                if (eligible.isEmpty()) {
                    assertThat(credits).isEmpty();
                } else {
                    attributable++;
                    expectedCredited += o.amountMicros();
                    assertThat(sum).isEqualTo(o.amountMicros());
                    assertThat(conversions).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
                    if (model == AttributionModel.LAST_TOUCH) {
                        Touch last = eligible.stream().max(Touch.CHRONOLOGICAL).orElseThrow();
                        assertThat(credits).singleElement().satisfies(c -> {
                            assertThat(c.campaignId()).isEqualTo(last.campaignId());
                            assertThat(c.adId()).isEqualTo(last.adId());
                        });
                    } else {
                        // Linear shares differ by at most one micro per click.
                        long base = o.amountMicros() / eligible.size();
                        for (Credit c : credits) {
                            long clicks = eligible.stream().filter(t -> t.campaignId().equals(c.campaignId())
                                    && t.adId().equals(c.adId()) && t.channel().equals(c.channel())).count();
                            assertThat(c.revenueMicros()).isBetween(base * clicks, (base + 1) * clicks);
                        }
                    }
                }
            }
            AttributionSummary s = a.attributeAll(orders, touches);
            assertThat(s.creditedMicros()).isLessThanOrEqualTo(s.purchasedMicros()).isEqualTo(expectedCredited);
            assertThat(s.purchasedMicros()).isEqualTo(purchased);
            assertThat(s.creditedMicros() + s.unattributedMicros()).isEqualTo(purchased);
            assertThat(s.credits().stream().mapToLong(AdCredit::revenueMicros).sum()).isEqualTo(s.creditedMicros());
            assertThat(s.attributedOrders() + s.unattributedOrders()).isEqualTo(orders.size());
        }
        assertThat(attributable).as("the generator must exercise attributable orders").isGreaterThan(500);
    }

    private static Instant at(SplittableRandom rng) {
        return EPOCH.plusSeconds(rng.nextLong(30L * 24 * 3600));
    }
}
