package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ad;
import static io.quanyu.ads.api.Ads.purchase;
import static io.quanyu.ads.api.Ads.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.ads.store.CustomerStore;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clicks joined to purchases across channels through the customer's keys, under both models, idempotently, on the real stack. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class AttributionTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Inject
    CustomerStore customers;

    @Test
    void adClicksOnTheWebFollowedByAStorePurchaseByTheSameCustomerAreAttributedToTheCampaign() throws Exception {
        String run = Ads.run();
        String campaign = "C-" + run;
        String web = "u:x-" + run;
        String card = "a:card-" + run;
        Instant click = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Ads.profile(kafka, "cust-" + run, List.of(web, card), List.of("vip"), 0.7);
            Ads.await(() -> linked(card), "the profile linking " + card);
            List<CloudEvent> events = List.of(
                    ad(EventType.AD_IMPRESSION, "imp-" + run, web, Channel.WEB, campaign, "ad-" + run, click.minusSeconds(30), null),
                    ad(EventType.AD_CLICK, "clk-" + run, web, Channel.WEB, campaign, "ad-" + run, click, 1_500_000L),
                    purchase("buy-" + run, card, Channel.STORE, "order-" + run, "199.00", click.plus(1, ChronoUnit.DAYS), "store-sh-1"),
                    // 8 days after the click: outside the 7-day window.
                    purchase("late-" + run, card, Channel.STORE, "order-late-" + run, "50.00", click.plus(8, ChronoUnit.DAYS), "store-sh-1"),
                    // Someone else, inside the window.
                    purchase("other-" + run, "u:other-" + run, Channel.WEB, "order-other-" + run, "80.00", click.plus(2, ChronoUnit.HOURS), null));
            events.forEach(e -> send(kafka, e));
            Ads.settle(kafka, web, card, "u:other-" + run);

            JsonPath p = Ads.performance(campaign, TODAY.minusDays(20), TODAY, "last_touch", "total");
            assertThat(p.getBoolean("registered")).isFalse();
            assertThat(p.getLong("totals.impressions")).isEqualTo(1);
            assertThat(p.getLong("totals.clicks")).isEqualTo(1);
            assertThat(p.getDouble("totals.cost")).isEqualTo(1.5);
            assertThat(p.getDouble("totals.conversions")).isEqualTo(1.0);
            assertThat(p.getDouble("totals.revenue")).isEqualTo(199.0);
            assertThat(p.getDouble("totals.roas")).isCloseTo(199.0 / 1.5, within(1e-9));
            assertThat(p.getDouble("totals.roi")).isCloseTo((199.0 - 1.5) / 1.5, within(1e-9));
            assertThat(p.getDouble("totals.ctr")).isEqualTo(1.0);
            assertThat(Ads.performance(campaign, TODAY.minusDays(20), TODAY, "linear", "total").getDouble("totals.revenue")).isEqualTo(199.0);

            // Replaying every event changes nothing.
            events.forEach(e -> send(kafka, e));
            Ads.settle(kafka, web, card, "u:other-" + run);
            JsonPath again = Ads.performance(campaign, TODAY.minusDays(20), TODAY, "last_touch", "total");
            assertThat(again.getMap("totals")).isEqualTo(p.getMap("totals"));
        }
    }

    @Test
    void linearSharesTheOrderAmongTheClicksAndLastTouchGivesItAllToTheLastOne() {
        String run = Ads.run();
        String c1 = "L1-" + run;
        String c2 = "L2-" + run;
        String user = "u:l-" + run;
        Instant buy = Instant.now().minus(2, ChronoUnit.DAYS);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            send(kafka, ad(EventType.AD_CLICK, "l1a-" + run, user, Channel.WEB, c1, "ad1-" + run, buy.minus(3, ChronoUnit.DAYS), null),
                    ad(EventType.AD_CLICK, "l1b-" + run, user, Channel.APP, c1, "ad1-" + run, buy.minus(2, ChronoUnit.HOURS), null),
                    ad(EventType.AD_CLICK, "l2-" + run, user, Channel.MINIPROGRAM, c2, "ad2-" + run, buy.minus(1, ChronoUnit.HOURS), null),
                    purchase("lp-" + run, user, Channel.APP, "lorder-" + run, "100.00", buy, null));
            Ads.settle(kafka, user);
        }
        LocalDate from = TODAY.minusDays(10);
        JsonPath l1 = Ads.performance(c1, from, TODAY, "linear", "channel");
        JsonPath l2 = Ads.performance(c2, from, TODAY, "linear", "total");
        // 100 000 000 micros / 3 clicks: 33.333333 each, the odd micro to the most recent click (campaign 2).
        assertThat(l1.getDouble("totals.revenue")).isCloseTo(66.666666, within(1e-9));
        assertThat(l2.getDouble("totals.revenue")).isCloseTo(33.333334, within(1e-9));
        assertThat(l1.getDouble("totals.revenue") + l2.getDouble("totals.revenue")).isCloseTo(100.0, within(1e-9));
        assertThat(l1.getDouble("totals.conversions") + l2.getDouble("totals.conversions")).isCloseTo(1.0, within(1e-12));
        assertThat(l1.getList("rows.channel", String.class)).containsExactly("app", "web");
        assertThat(Ads.performance(c1, from, TODAY, "last_touch", "total").getDouble("totals.revenue")).isEqualTo(0.0);
        assertThat(Ads.performance(c2, from, TODAY, "last_touch", "total").getDouble("totals.revenue")).isEqualTo(100.0);
        assertThat(Ads.performance(c2, from, TODAY, "last_touch", "total").getDouble("totals.conversions")).isEqualTo(1.0);
    }

    @Test
    void aClickStoredAfterThePurchaseOrAKeyLinkedLaterStillEarnsTheCredit() throws Exception {
        String run = Ads.run();
        String campaign = "late-" + run;
        String app = "u:late-" + run;
        String device = "a:device-" + run;
        Instant buy = Instant.now().minus(1, ChronoUnit.DAYS);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            // The purchase is processed first; the click that preceded it arrives later (another key, another partition).
            send(kafka, purchase("lb-" + run, app, Channel.APP, "late-order-" + run, "42.00", buy, null));
            Ads.settle(kafka, app);
            send(kafka, ad(EventType.AD_CLICK, "lc-" + run, app, Channel.WEB, campaign, "ad-" + run, buy.minus(1, ChronoUnit.HOURS), null));
            Ads.awaitPerformance(campaign, TODAY.minusDays(5), TODAY, "last_touch", j -> j.getDouble("totals.revenue") == 42.0);

            // A click under a device id, a purchase under the login, linked only afterwards by the profile service.
            send(kafka, ad(EventType.AD_CLICK, "ld-" + run, device, Channel.APP, campaign, "ad-" + run, buy.minus(3, ChronoUnit.HOURS), null),
                    purchase("le-" + run, "u:linked-" + run, Channel.WEB, "linked-order-" + run, "10.00", buy, null));
            Ads.settle(kafka, device, "u:linked-" + run);
            assertThat(Ads.performance(campaign, TODAY.minusDays(5), TODAY, "last_touch", "total").getDouble("totals.revenue")).isEqualTo(42.0);
            Ads.profile(kafka, "linked-" + run, List.of("u:linked-" + run, device), List.of(), null);
            Ads.awaitPerformance(campaign, TODAY.minusDays(5), TODAY, "last_touch", j -> j.getDouble("totals.revenue") == 52.0);
            assertThat(Ads.performance(campaign, TODAY.minusDays(5), TODAY, "last_touch", "total").getDouble("totals.conversions")).isEqualTo(2.0);
        }
    }

    private boolean linked(String key) {
        try {
            return customers.linked(key);
        } catch (Exception e) {
            return false;
        }
    }

}
