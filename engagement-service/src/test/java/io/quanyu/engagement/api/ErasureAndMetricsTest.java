package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.events.data.Identify;
import io.quanyu.events.EventType;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.ProfileDigest;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Erasure removes what the service holds about a customer but keeps the offer's spend; a replay does not bring them back; the series exist. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureAndMetricsTest {

    private static final List<String> PERSONAL = List.of("journey_trigger", "journey_entry", "engagement_action", "offer_grant", "purchase", "consent",
            "customer_birthday");

    @Inject
    DataSource dataSource;

    @Test
    void erasureDeletesTheCustomerKeepsTheBudgetThenAcknowledges() throws Exception {
        String run = Eng.run();
        String customerId = "erase-" + run;
        String key = "u:" + customerId;
        String offer = "er-" + run;
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "10", "100", List.of())).statusCode(201);
        Eng.post("/v1/journeys", Eng.cartJourney("er-j-" + run, offer, "PT1S", 0.0, List.of("app"), null)).statusCode(201);
        given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body(Map.of("opted_out", List.of("store")))
                .put("/v1/consent/{c}", key).then().statusCode(200);
        Instant t = Instant.now();
        CloudEvent purchase = Eng.purchase(run + "-p", key, Channel.WEB, "o-" + run, "30.00", t);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            kafka.send(Topics.PROFILE_UPDATES, customerId, EventCodec.encode(new ProfileDigest(customerId, customerId, List.of(key), List.of(), "app",
                    "active", null, null)));
            kafka.send(Topics.RECOMMENDATIONS, customerId, EventCodec.encode(new RecommendationList(customerId,
                    List.of(new RecommendationList.Item("p-1", 1, "als", null)), t, t)));
            Eng.send(kafka, Eng.event(run + "-id", key, Channel.APP, EventType.IDENTIFY, t, new Identify(customerId, List.of(), Map.of("birthday", "1990-05-17"))));
            Eng.send(kafka, Eng.cart(run + "-c", key, Channel.APP, "sku-1", t.minusSeconds(5)));
            Eng.await(() -> count("SELECT count(*) FROM engagement_action WHERE customer_key = ?", key) == 1, "the journey's action");
            Eng.send(kafka, purchase);
            String code = given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body(Map.of("customer", key))
                    .post("/v1/offers/{id}/grants", offer).then().statusCode(201).extract().path("code");
            Eng.send(kafka, Eng.redeemed(run + "-r", key, Channel.STORE, code, "o-" + run, "10.00", Instant.now()));
            Eng.await(() -> count("SELECT count(*) FROM redemption WHERE event_id = ? AND accepted", run + "-r") == 1, "the redemption");
            Eng.await(() -> count("SELECT count(*) FROM purchase WHERE event_id = ?", run + "-p") == 1, "the purchase");
            Eng.await(() -> count("SELECT count(*) FROM recommended WHERE customer_id = ?", customerId) == 1
                    && count("SELECT count(*) FROM customer_birthday WHERE customer_key = ?", key) == 1, "the portrait, recommendations and birthday");
            for (String table : PERSONAL) {
                assertThat(count("SELECT count(*) FROM " + table + " WHERE customer_key = ?", key)).as(table).isPositive();
            }
            assertThat(count("SELECT count(*) FROM customer_key WHERE user_key = ?", key)).isEqualTo(1);

            kafka.send(Topics.PRIVACY_ERASURE, customerId, EventCodec.encode(new ErasureRequest(customerId, List.of(key), Instant.now(), "test")));
            List<ConsumerRecord<String, byte[]>> got = acks.await(1, r -> customerId.equals(r.key())
                    && EventCodec.decode(r.value(), ErasureAck.class) instanceof Decoded.Ok<ErasureAck> ok
                    && ok.value().service().equals("engagement-service"), Duration.ofSeconds(30));
            assertThat(got).hasSize(1);
            for (String table : PERSONAL) {
                assertThat(count("SELECT count(*) FROM " + table + " WHERE customer_key = ?", key)).as(table).isZero();
            }
            assertThat(count("SELECT count(*) FROM customer_key WHERE user_key = ?", key)).isZero();
            assertThat(count("SELECT count(*) FROM customer WHERE customer_id = ?", customerId)).isZero();
            assertThat(count("SELECT count(*) FROM recommended WHERE customer_id = ?", customerId)).isZero();
            assertThat(count("SELECT count(*) FROM redemption WHERE event_id = ? AND customer_key IS NULL AND code IS NULL", run + "-r")).isEqualTo(1);
            assertThat(given().header("Authorization", Eng.READER).get("/v1/offers/{id}", offer).jsonPath().getDouble("spent")).isEqualTo(10.0);

            // A portrait published before the erasure and read after it does not bring the customer's keys back.
            kafka.send(Topics.PROFILE_UPDATES, customerId, EventCodec.encode(new ProfileDigest(customerId, customerId, List.of(key), List.of(), "app",
                    "active", null, null)));
            String marker = "c-after-" + run;
            kafka.send(Topics.PROFILE_UPDATES, marker, EventCodec.encode(new ProfileDigest(marker, null, List.of("a:" + marker), List.of(), "app",
                    "active", null, null)));
            Eng.await(() -> count("SELECT count(*) FROM customer WHERE customer_id = ?", marker) == 1, "a later portrait stored");
            // (The marker may sit on another partition: give the feed a moment beyond it.)
            Thread.sleep(1000);
            assertThat(count("SELECT count(*) FROM customer_key WHERE user_key = ?", key)).isZero();
            assertThat(count("SELECT count(*) FROM customer WHERE customer_id = ?", customerId)).isZero();
            // The old purchase replayed does not bring the customer back; activity after the erasure is a new customer's.
            Eng.send(kafka, purchase, Eng.purchase(run + "-p2", key, Channel.WEB, "o2-" + run, "5.00", Instant.now().plusSeconds(1)));
            Eng.await(() -> count("SELECT count(*) FROM purchase WHERE event_id = ?", run + "-p2") == 1, "the new purchase");
            assertThat(count("SELECT count(*) FROM purchase WHERE event_id = ?", run + "-p")).isZero();
        }
    }

    @Test
    void metricsArePublishedWithLowCardinalityTags() {
        String body = given().get("/q/metrics").then().statusCode(200).extract().body().asString();
        assertThat(body).contains("quanyu_engagement_events_stored_total", "quanyu_engagement_events_undecodable_total",
                "quanyu_engagement_triggers_total", "quanyu_engagement_decisions_total{outcome=\"acted\"}",
                "quanyu_engagement_decisions_total{outcome=\"holdout\"}", "quanyu_engagement_decisions_total{outcome=\"suppressed_consent\"}",
                "quanyu_engagement_redemptions_total{result=\"accepted\"}", "quanyu_engagement_redemptions_total{result=\"refused\"}",
                "quanyu_engagement_actions_published_total", "quanyu_engagement_publish_failures_total", "quanyu_engagement_sweep_failures_total",
                "quanyu_engagement_erasures_total", "quanyu_engagement_portraits_stored_total",
                "quanyu_engagement_decisions_total{outcome=\"no_branch\"}");
        given().get("/q/health/ready").then().statusCode(200).body(containsString("consumers"));
    }

    private long count(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
