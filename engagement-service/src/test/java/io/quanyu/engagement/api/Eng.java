package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.engagement.domain.Holdout;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Json;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.TestCredentials;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Test helpers: events published the way ingestion publishes them, definitions through the API, and waiting. */
final class Eng {

    static final String ADMIN = TestCredentials.ADMIN;
    static final String READER = TestCredentials.READER;

    private Eng() {
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static CloudEvent event(String id, String subject, Channel channel, EventType type, Instant at, EventData data) {
        return CloudEvent.of(id, channel, type, at, subject, at, null, data);
    }

    static CloudEvent cart(String id, String subject, Channel channel, String sku, Instant at) {
        return event(id, subject, channel, EventType.ADD_TO_CART, at, new CartChange(sku, 1, new BigDecimal("99.00")));
    }

    static CloudEvent purchase(String id, String subject, Channel channel, String orderId, String amount, Instant at) {
        BigDecimal a = new BigDecimal(amount);
        return event(id, subject, channel, EventType.PURCHASE, at, new Purchase(orderId, List.of(new OrderLine("sku-1", 1, a)), a, "CNY",
                channel == Channel.STORE ? "store-1" : null));
    }

    /** A redemption as the shop's POS or back end reports it (verified by ingestion). */
    static CloudEvent redeemed(String id, String subject, Channel channel, String code, String orderId, String discount, Instant at) {
        return event(id, subject, channel, EventType.COUPON_REDEEMED, at,
                new CouponRedeemed(code, orderId, discount == null ? null : new BigDecimal(discount), "CNY", true));
    }

    static CloudEvent optOut(String id, String userId, String channels, Instant at) {
        return event(id, "u:" + userId, Channel.WEB, EventType.IDENTIFY, at, new Identify(userId, List.of(), Map.of("marketing_opt_out", channels)));
    }

    static void send(KafkaTestClient kafka, CloudEvent... events) {
        for (CloudEvent e : events) {
            kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e));
        }
    }

    /** A user key of this run that is (or is not) in the journey's holdout. */
    static String customer(String run, String name, String journeyId, double share, boolean heldOut) {
        for (int i = 0; ; i++) {
            String key = "u:" + run + "-" + name + "-" + i;
            if (Holdout.heldOut(journeyId, key, share) == heldOut) {
                return key;
            }
        }
    }

    static ValidatableResponse post(String path, Object body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post(path).then();
    }

    static Map<String, Object> fixedOffer(String id, String value, String budget, List<String> channels) {
        return Map.of("offer_id", id, "name", "Come back " + id, "kind", "fixed_amount", "value", new BigDecimal(value), "budget",
                new BigDecimal(budget), "per_customer_limit", 1, "code_valid_for", "P7D", "eligible_channels", channels);
    }

    static Map<String, Object> cartJourney(String id, String offerId, String wait, double share, List<String> channels, Map<String, Object> cap) {
        Map<String, Object> j = new java.util.HashMap<>(Map.of("journey_id", id, "name", "Cart " + id,
                "trigger", Map.of("kind", "cart_abandoned", "wait", wait, "channels", channels),
                "action", Map.of("kind", "grant_offer", "offer_id", offerId), "holdout_share", share, "attribution_window", "P7D"));
        if (cap != null) {
            j.put("frequency_cap", cap);
        }
        return j;
    }

    static boolean journeyOf(ConsumerRecord<String, byte[]> r, String journey) {
        return new String(r.value(), StandardCharsets.UTF_8).contains("\"journey_id\":\"" + journey + "\"");
    }

    static List<EngagementAction> actionsOf(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> {
            try {
                return Json.MAPPER.readValue(r.value(), EngagementAction.class);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    /** Stops every journey: other tests' journeys would enter the same customers and count against the cap. */
    static void stopAllJourneys() {
        for (Object id : given().header("Authorization", ADMIN).get("/v1/journeys").jsonPath().getList("journey.journey_id")) {
            given().header("Authorization", ADMIN).delete("/v1/journeys/{id}", id).then().statusCode(204);
        }
    }

    /** A JSON answer with numbers as doubles (rest-assured reads them as floats by default). */
    static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** The single number a query with string parameters answers. */
    static long count(DataSource dataSource, String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(condition.getAsBoolean()).as("waited 60 s for " + what).isTrue();
    }
}
