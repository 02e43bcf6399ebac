package io.quanyu.chatbot.api;

import static io.restassured.RestAssured.given;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.testkit.KafkaTestClient;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Test helpers: orders, refunds and products published the way the other services publish them, and chat turns over HTTP. */
final class Shop {

    private Shop() {
    }

    static String orderId() {
        return "DD" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** A purchase of `units` items at 99.50 each (so 199.00 for two) on events.v1. */
    static void purchase(KafkaTestClient kafka, String userKey, String orderId, Instant at, int units) {
        Purchase p = new Purchase(orderId, List.of(new OrderLine("p-1", units, new BigDecimal("99.50"))),
                new BigDecimal("99.50").multiply(BigDecimal.valueOf(units)), "CNY", null);
        kafka.send(Topics.EVENTS, userKey, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.APP, EventType.PURCHASE, at,
                userKey, at, null, p)));
    }

    /** A POS receipt on a member card: a purchase under the card's key, with the store id. */
    static void storePurchase(KafkaTestClient kafka, String cardKey, String orderId, String storeId, Instant at) {
        Purchase p = new Purchase(orderId, List.of(new OrderLine("p-1", 3, new BigDecimal("29.00"))), new BigDecimal("87.00"), "CNY", storeId);
        kafka.send(Topics.EVENTS, cardKey, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.STORE, EventType.PURCHASE, at,
                cardKey, at, null, p)));
    }

    static void refund(KafkaTestClient kafka, String userKey, String orderId, Instant at, BigDecimal amount) {
        kafka.send(Topics.EVENTS, userKey, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.APP, EventType.REFUND, at,
                userKey, at, null, new Refund(orderId, List.of(), amount, "CNY", "changed mind"))));
    }

    static void product(KafkaTestClient kafka, String id, String title, String price, boolean inStock) {
        kafka.send(Topics.CATALOG_PRODUCTS, id, EventCodec.encode(new Product(id, title, null, "wearables", "Xiaomi", new BigDecimal(price), "CNY",
                inStock, Instant.now())));
    }

    static JsonPath say(String sessionId, String userId, String text) {
        Map<String, Object> body = userId == null ? Map.of("session_id", sessionId, "channel", "web", "text", text)
                : Map.of("session_id", sessionId, "user_id", userId, "channel", "web", "text", text);
        return given().contentType(ContentType.JSON).body(body).post("/v1/chat").then().statusCode(200).extract().jsonPath();
    }

    static String session() {
        return "s-" + UUID.randomUUID();
    }
}
