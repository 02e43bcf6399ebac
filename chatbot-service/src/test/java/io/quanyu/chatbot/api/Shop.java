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
import io.quanyu.testkit.TestCredentials;
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

    /** A conversation: the server names the session on the first turn, and every turn carries the same credential. */
    static final class Chat {
        private final String authorization;
        private String sessionId;

        private Chat(String authorization) {
            this.authorization = authorization;
        }

        /** The session id the server gave (null before the first turn). */
        String sessionId() {
            return sessionId;
        }

        JsonPath say(String text) {
            JsonPath reply = send(text).statusCode(200).extract().jsonPath();
            sessionId = reply.getString("session_id");
            return reply;
        }

        /** A turn as sent, for tests of what is refused. */
        io.restassured.response.ValidatableResponse send(String text) {
            Map<String, Object> body = new java.util.HashMap<>(Map.of("channel", "web", "text", text));
            if (sessionId != null) {
                body.put("session_id", sessionId);
            }
            var req = given().contentType(ContentType.JSON).body(body);
            if (authorization != null) {
                req.header("Authorization", authorization);
            }
            return req.post("/v1/chat").then();
        }

        /** The same session continued with another credential (an attacker who learnt the id). */
        Chat takenOverBy(String authorization) {
            Chat other = new Chat(authorization);
            other.sessionId = sessionId;
            return other;
        }
    }

    /** A signed-in customer's chat: their customer token on every turn. */
    static Chat as(String userId) {
        return new Chat(TestCredentials.customer(userId));
    }

    /** A visitor's chat: no credential. */
    static Chat visitor() {
        return new Chat(null);
    }
}
