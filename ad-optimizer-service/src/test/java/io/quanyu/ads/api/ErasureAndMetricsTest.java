package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ad;
import static io.quanyu.ads.api.Ads.purchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Erasure deletes the customer's touches and links but keeps the anonymous counters; the Prometheus series exist. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureAndMetricsTest {

    @Inject
    DataSource dataSource;

    @Test
    void erasureDeletesTouchesAndLinksKeepsAggregatesThenAcknowledges() throws Exception {
        String run = Ads.run();
        String customer = "er-" + run;
        String web = "u:" + customer;
        String device = "a:dev-" + run;
        String campaign = "ER-" + run;
        Instant t = Instant.now().minus(1, ChronoUnit.DAYS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            Ads.profile(kafka, customer, List.of(web, device), List.of("vip"), 0.5);
            Ads.send(kafka, ad(EventType.AD_CLICK, "ec-" + run, device, Channel.APP, campaign, "ad-" + run, t, 2_000_000L),
                    purchase("ep-" + run, web, Channel.WEB, "eo-" + run, "20.00", t.plusSeconds(60), null));
            JsonPath before = Ads.awaitPerformance(campaign, today.minusDays(3), today, "last_touch", j -> j.getDouble("totals.revenue") == 20.0);
            assertThat(count("SELECT count(*) FROM ad_touch WHERE user_key = ?", device)).isEqualTo(1);

            kafka.send(Topics.PRIVACY_ERASURE, customer, EventCodec.encode(new ErasureRequest(customer, List.of(web, device), Instant.now(), "test")));
            List<ConsumerRecord<String, byte[]>> got = acks.await(1, r -> customer.equals(r.key())
                    && EventCodec.decode(r.value(), ErasureAck.class) instanceof Decoded.Ok<ErasureAck> ok
                    && ok.value().service().equals("ad-optimizer-service"), Duration.ofSeconds(30));
            assertThat(got).hasSize(1);
            assertThat(count("SELECT count(*) FROM ad_touch WHERE user_key = ANY (?)", web, device)).isZero();
            assertThat(count("SELECT count(*) FROM customer_key WHERE user_key = ANY (?)", web, device)).isZero();
            assertThat(count("SELECT count(*) FROM customer WHERE customer_id = ANY (?)", customer)).isZero();
            assertThat(count("SELECT count(*) FROM ad_order WHERE user_key = ANY (?)", web, device)).isZero();
            assertThat(Ads.performance(campaign, today.minusDays(3), today, "last_touch", "total").getMap("totals")).isEqualTo(before.getMap("totals"));

            // The click redelivered after the erasure does not bring the customer back.
            Ads.send(kafka, ad(EventType.AD_CLICK, "ec-" + run, device, Channel.APP, campaign, "ad-" + run, t, 2_000_000L));
            Ads.settle(kafka, device);
            assertThat(count("SELECT count(*) FROM ad_touch WHERE user_key = ?", device)).isZero();
        }
    }

    @Test
    void metricsArePublishedWithLowCardinalityTags() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().body().asString();
        assertThat(body).contains("quanyu_ads_events_stored_total", "quanyu_ads_events_undecodable_total", "quanyu_ads_customers_stored_total",
                "quanyu_ads_events_skipped_total{reason=\"currency\"}", "quanyu_ads_attributed_orders_total{model=\"last_touch\"}",
                "quanyu_ads_attributed_orders_total{model=\"linear\"}", "quanyu_ads_attributed_revenue_total{model=\"linear\"}",
                "quanyu_ads_decisions_total{policy=\"optimizer\"}", "quanyu_ads_decisions_total{policy=\"roi_above_mean\"}",
                "quanyu_ads_decisions_published_total", "quanyu_ads_publish_failures_total", "quanyu_ads_erasures_total");
        given().get("/q/health/ready").then().statusCode(200).body(containsString("consumers"));
    }

    private long count(String sql, String... keys) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (sql.contains("ANY")) {
                s.setArray(1, c.createArrayOf("text", keys));
            } else {
                s.setString(1, keys[0]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
