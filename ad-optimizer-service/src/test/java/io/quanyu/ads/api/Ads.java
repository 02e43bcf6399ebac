package io.quanyu.ads.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.Topics;
import io.quanyu.events.data.AdEvent;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.TestCredentials;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Test helpers: ad events, purchases and portraits published the way ingestion and profile publish them, and the HTTP calls. */
final class Ads {

    static final String ADMIN = TestCredentials.ADMIN;
    static final String READER = TestCredentials.READER;

    /** The latest performance answer, for failure messages. */
    static volatile String lastAnswer;

    private Ads() {
    }

    static String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static CloudEvent ad(EventType type, String id, String subject, Channel channel, String campaign, String adId, Instant at, Long costMicros) {
        return CloudEvent.of(id, channel, type, at, subject, at, null, new AdEvent("douyin", campaign, adId, null, costMicros, null));
    }

    static CloudEvent purchase(String id, String subject, Channel channel, String orderId, String amount, Instant at, String storeId) {
        BigDecimal a = new BigDecimal(amount);
        return CloudEvent.of(id, channel, EventType.PURCHASE, at, subject, at, null,
                new Purchase(orderId, List.of(new OrderLine("sku-1", 1, a)), a, "CNY", storeId));
    }

    static void send(KafkaTestClient kafka, CloudEvent... events) {
        for (CloudEvent e : events) {
            kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e));
        }
    }

    static void profile(KafkaTestClient kafka, String customerId, List<String> keys, List<String> segments, Double propensity) {
        kafka.send(Topics.PROFILE_UPDATES, customerId, EventCodec.encode(new ProfileDigest(customerId, null, keys, segments, "web", "active",
                propensity, 0.1)));
    }

    /**
     * Waits until everything published so far under these subjects has been stored: an impression of a sentinel campaign is
     * sent under each subject (same key, same partition, so after the earlier events) and awaited.
     */
    static void settle(KafkaTestClient kafka, String... subjects) {
        String sentinel = "sentinel-" + run();
        for (String s : subjects) {
            send(kafka, ad(EventType.AD_IMPRESSION, UUID.randomUUID().toString(), s, Channel.WEB, sentinel, "sentinel-ad", Instant.now(), null));
        }
        await(() -> performance(sentinel, null, null, "last_touch", "total").getLong("totals.impressions") == subjects.length, "sentinel " + sentinel);
    }

    /** A JSON answer with numbers as doubles (rest-assured reads them as floats by default). */
    static JsonPath json(String body) {
        return new JsonPath(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static JsonPath performance(String campaign, LocalDate from, LocalDate to, String model, String by) {
        var req = given().queryParam("model", model).queryParam("by", by);
        if (from != null) {
            req = req.queryParam("from", from.toString()).queryParam("to", to.toString());
        }
        var r = req.get("/v1/campaigns/{id}/performance", campaign).then().extract();
        lastAnswer = r.statusCode() + " " + r.body().asString();
        return r.statusCode() == 200 ? json(r.body().asString()) : json("{\"totals\":{\"impressions\":-1,\"clicks\":-1,\"conversions\":-1.0,\"revenue\":-1.0}}");
    }

    /** Polls until the performance answer satisfies the condition; returns it. */
    static JsonPath awaitPerformance(String campaign, LocalDate from, LocalDate to, String model, Predicate<JsonPath> ok) {
        JsonPath[] last = new JsonPath[1];
        await(() -> ok.test(last[0] = performance(campaign, from, to, model, "total")), "performance of " + campaign);
        return last[0];
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
        assertThat(condition.getAsBoolean()).as("waited 60 s for " + what + "; last answer: " + lastAnswer).isTrue();
    }

    static Map<String, Object> campaign(String id, String budget, String min, String max, List<String> segments, List<String> adIds) {
        List<Map<String, Object>> ads = new ArrayList<>();
        adIds.forEach(a -> ads.add(Map.of("ad_id", a, "name", "Ad " + a)));
        return Map.of("campaign_id", id, "name", "Campaign " + id, "channels", List.of("web", "douyin"), "daily_budget", new BigDecimal(budget),
                "min_daily_spend", new BigDecimal(min), "max_daily_spend", new BigDecimal(max), "target_segments", segments, "ads", ads);
    }

    static io.restassured.response.ValidatableResponse register(Map<String, Object> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/v1/campaigns").then();
    }
}
