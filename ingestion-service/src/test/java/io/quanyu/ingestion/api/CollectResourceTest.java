package io.quanyu.ingestion.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventIds;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The HTTP collector against the running service, publishing through the real broker. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class CollectResourceTest {

    private static final String WEB_KEY = "test-web-key";

    @Inject
    InFlightLimiter limiter;

    private static String web(String id, String event, long ts, String extra) {
        return """
                {"message_id":"%s","anonymous_id":"an-%1$s","event":"%s","page_url":"https://shop/","ts":%d%s}""".formatted(id, event, ts, extra);
    }

    @Test
    void aBatchIsAcceptedPerItemAndReachesTheStreamsWithPersonalDataHashed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long now = Instant.now().toEpochMilli();
        String body = "[" + web("c1-" + run, "page_view", now, ",\"properties\":{\"phone\":\"13812345678\"}") + ","
                + web("c2-" + run, "teleport", now, "") + ","
                + web("c3-" + run, "login", now, ",\"user_id\":\"u-" + run + "\",\"properties\":{\"email\":\"Ann@Example.com\"}") + "]";
        String id1 = EventIds.of(Channel.WEB, "c1-" + run);
        String id3 = EventIds.of(Channel.WEB, "c3-" + run);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail raw = kafka.tail(Topics.RAW_WEB);
             KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS); KafkaTestClient.Tail failed = kafka.tail(Topics.EVENTS_FAILED)) {
            given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(body)
                    .when().post("/v1/collect/web")
                    .then().statusCode(202)
                    .body("accepted", equalTo(2)).body("rejected", equalTo(1)).body("results", hasSize(3))
                    .body("results[0].status", equalTo("accepted")).body("results[0].ids[0]", equalTo(id1))
                    .body("results[1].status", equalTo("rejected")).body("results[1].reason", equalTo("unknown_event"))
                    .body("results[1].detail", containsString("teleport"))
                    .body("results[2].ids[0]", equalTo(id3));

            List<ConsumerRecord<String, byte[]>> out = events.await(2, r -> List.of(id1, id3).contains(idOf(r)), Duration.ofSeconds(60));
            assertThat(out).hasSize(2);
            // Nothing raw was published anywhere: not on the raw topic, not on events.v1, not in the failure.
            List<ConsumerRecord<String, byte[]>> rawOut = raw.await(3, r -> text(r.value()).contains(run), Duration.ofSeconds(10));
            assertThat(rawOut).hasSize(3);
            for (ConsumerRecord<String, byte[]> r : rawOut) {
                assertThat(text(r.value())).doesNotContain("13812345678").doesNotContainIgnoringCase("ann@example.com");
            }
            out.forEach(r -> assertThat(text(r.value())).doesNotContain("13812345678").doesNotContainIgnoringCase("ann@example"));
            List<ConsumerRecord<String, byte[]>> bad = failed.await(1, r -> text(r.value()).contains("unknown_event")
                    && text(decodeFailed(r).raw()).contains("c2-" + run), Duration.ofSeconds(60));
            assertThat(bad).hasSize(1);
        }
    }

    @Test
    void wrongOrMissingKeysAreRefused() {
        given().contentType(ContentType.JSON).body("{}").when().post("/v1/collect/web")
                .then().statusCode(401).body("error", equalTo("unauthorized")).body("message", containsString("missing X-Api-Key"));
        // The app's key is not the web channel's.
        given().header("X-Api-Key", "test-app-key").contentType(ContentType.JSON).body("{}").when().post("/v1/collect/web")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("{}").when().post("/v1/collect/telegraph")
                .then().statusCode(404).body("error", equalTo("unknown_channel"));
    }

    @Test
    void badBodiesGetReasonsAndNothingIsPublished() {
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("{\"message_id\": ").when().post("/v1/collect/web")
                .then().statusCode(400).body("error", equalTo("unparseable")).body("message", containsString("line 1"));
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("[]").when().post("/v1/collect/web")
                .then().statusCode(400).body("error", equalTo("schema_violation"));
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("42").when().post("/v1/collect/web")
                .then().statusCode(400).body("error", equalTo("unparseable"));
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("[{\"event\":\"page_view\"}, 7]").when().post("/v1/collect/web")
                .then().statusCode(400).body("error", equalTo("rejected")).body("accepted", equalTo(0))
                .body("results[0].reason", equalTo("schema_violation")).body("results[0].detail", containsString("message_id"))
                .body("results[1].reason", equalTo("unparseable"));
    }

    @Test
    void oversizedBodiesAndBatchesGet413() {
        String big = "{\"pad\":\"" + "x".repeat(600_000) + "\"}";
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(big).when().post("/v1/collect/web")
                .then().statusCode(413).body("error", equalTo("too_large")).body("message", containsString("at most 524288"));
        String many = "[" + String.join(",", java.util.Collections.nCopies(1001, "{}")) + "]";
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(many).when().post("/v1/collect/web")
                .then().statusCode(413).body("message", containsString("1001 items"));
    }

    @Test
    void whenTooMuchIsInFlightItSheds503WithRetryAfter() {
        long now = Instant.now().toEpochMilli();
        String one = web("shed-" + UUID.randomUUID(), "page_view", now, "");
        int held = 20_000;
        assertThat(limiter.tryAcquire(held)).isTrue();
        try {
            given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(one).when().post("/v1/collect/web")
                    .then().statusCode(503).header("Retry-After", "1").body("error", equalTo("unavailable"));
        } finally {
            limiter.release(held);
        }
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body(one).when().post("/v1/collect/web")
                .then().statusCode(202).body("accepted", equalTo(1)).body("error", nullValue());
    }

    @Test
    void catalogProductsReachTheCompactedTopic() {
        String id = "sku-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail products = kafka.tail(Topics.CATALOG_PRODUCTS)) {
            given().header("X-Api-Key", "test-catalog-key").contentType(ContentType.JSON)
                    .body("{\"product_id\":\"" + id + "\",\"title\":\"Oolong 乌龙\",\"price\":55.5,\"category\":\"tea\"}")
                    .when().post("/v1/catalog/products")
                    .then().statusCode(202).body("results[0].ids[0]", equalTo(id));
            assertThat(products.await(1, r -> id.equals(r.key()), Duration.ofSeconds(60))).hasSize(1);
        }
        given().header("X-Api-Key", WEB_KEY).contentType(ContentType.JSON).body("{}").when().post("/v1/catalog/products")
                .then().statusCode(401);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    private static FailedEvent decodeFailed(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decode(r.value(), FailedEvent.class) instanceof Decoded.Ok<FailedEvent> ok ? ok.value()
                : new FailedEvent(null, "", null, new byte[0], Instant.EPOCH, null, null, null);
    }

    private static String idOf(ConsumerRecord<String, byte[]> r) {
        return EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<io.quanyu.events.CloudEvent> ok ? ok.value().id() : null;
    }
}
