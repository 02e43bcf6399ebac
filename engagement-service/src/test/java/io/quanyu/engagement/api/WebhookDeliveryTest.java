package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.engagement.config.WebhookConfig;
import io.quanyu.engagement.store.DeliveryQueue;
import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Json;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Actions go out through their channel's webhook, on the real broker, database and a real local HTTP receiver: app's
 * endpoint fails twice and then takes the action, signed as the README says; miniprogram's is slow and always fails,
 * so its deliveries die after max_attempts (listed as dead, redriven once it is fixed) while app's arrive meanwhile;
 * store's refuses with 400 (dead at once); web's refuses connections (retried, then dead). A second enqueue with its
 * cursor lost writes no second delivery, and an erased customer's deliveries go with the customer.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class WebhookDeliveryTest {

    private static final String SECRET = "receiver-shared-secret-0123456789-abcdef";
    /** miniprogram's endpoint answers after this long: three attempts take at least 3 × this. */
    private static final long SLOW_MS = 4_000;
    private static final List<String> CHANNELS = List.of("app", "miniprogram", "store", "web");

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookConfig config;

    private volatile boolean miniprogramFixed;

    @Test
    void retriedSignedDeliveriesDeadLettersRedriveAndNoChannelBlocksAnother() throws Exception {
        String run = Eng.run();
        // Only this journey runs, and only these webhooks: other tests' journeys would add actions to the channels.
        for (Object id : given().header("Authorization", Eng.ADMIN).get("/v1/journeys").jsonPath().getList("journey.journey_id")) {
            given().header("Authorization", Eng.ADMIN).delete("/v1/journeys/{id}", id).then().statusCode(204);
        }
        // JourneyRulesTest decides triggers an hour ahead (its quiet hours): those actions carry a time after this test's
        // webhooks are created and would be sent to its receiver too. Move them back, so only this test's actions go out.
        try (var c = dataSource.getConnection(); var s = c.prepareStatement("UPDATE engagement_action SET at = ? WHERE at > ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
            s.setTimestamp(2, java.sql.Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
        Map<String, Double> before = deliveryCounters();
        int refusedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            refusedPort = s.getLocalPort();
        }
        try (Receiver receiver = new Receiver(SECRET)
                .on("/app", 0, same -> same.size() <= 2 ? 500 : 200)
                .on("/mini", SLOW_MS, same -> miniprogramFixed ? 200 : 500)
                .on("/store", 0, same -> 400)) {
            putWebhook("app", receiver.url("/app"), null).statusCode(201);
            putWebhook("miniprogram", receiver.url("/mini"), 3).statusCode(201);
            putWebhook("store", receiver.url("/store"), null).statusCode(201);
            putWebhook("web", "http://127.0.0.1:" + refusedPort + "/nobody-listens", 2).statusCode(201);

            String offer = "hook-" + run;
            String journey = "hook-j-" + run;
            Eng.post("/v1/offers", Eng.fixedOffer(offer, "10", "1000", List.of())).statusCode(201);
            Eng.post("/v1/journeys", Eng.cartJourney(journey, offer, "PT1S", 0.0, CHANNELS, null)).statusCode(201);
            String a = "u:" + run + "-a";
            List<String> minis = List.of("u:" + run + "-m1", "u:" + run + "-m2", "u:" + run + "-m3");
            String c = "u:" + run + "-c";
            String w = "u:" + run + "-w";
            Instant now = Instant.now();
            try (KafkaTestClient kafka = KafkaTestClient.shared()) {
                // miniprogram's carts first: its slow endpoint is busy before app's action exists.
                for (String m : minis) {
                    Eng.send(kafka, Eng.cart(run + "-c-" + m, m, Channel.MINIPROGRAM, "sku-1", now));
                }
                Eng.send(kafka, Eng.cart(run + "-c-a", a, Channel.APP, "sku-1", now.plusMillis(200)),
                        Eng.cart(run + "-c-c", c, Channel.STORE, "sku-1", now), Eng.cart(run + "-c-w", w, Channel.WEB, "sku-1", now));
            }

            // app: 500, 500, then 200 on the third attempt; every attempt the same delivery id, each signature valid.
            Eng.await(() -> state(journey, a).equals("delivered"), "app's delivery delivered");
            List<Receiver.Hit> appHits = receiver.hits("/app");
            assertThat(appHits).extracting(Receiver.Hit::status).containsExactly(500, 500, 200);
            assertThat(appHits).extracting(Receiver.Hit::deliveryId).containsOnly(deliveryId(journey, a));
            assertThat(appHits).allSatisfy(h -> assertThat(h.signatureValid()).as("signature of %s", h.timestamp()).isTrue());
            EngagementAction sent = Json.MAPPER.readValue(appHits.get(2).body(), EngagementAction.class);
            assertThat(sent.customerKey()).isEqualTo(a);
            assertThat(sent.journeyId()).isEqualTo(journey);
            assertThat(sent.channel()).isEqualTo("app");
            assertThat(sent.kind()).isEqualTo(EngagementAction.GRANT_OFFER);
            assertThat(sent.code()).matches("[0-9A-HJKMNP-TV-Z]{12}");
            assertThat(sent.actionId()).isEqualTo(actionId(journey, a));
            // Retries were spaced by the backoff (200 ms base in %test: at least 100 ms, then 200 ms).
            assertThat(Duration.between(appHits.get(0).receivedAt(), appHits.get(1).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(100));
            assertThat(Duration.between(appHits.get(1).receivedAt(), appHits.get(2).receivedAt())).isGreaterThanOrEqualTo(Duration.ofMillis(200));

            // Not blocked: app's action was taken, after three attempts, sooner after it was decided than miniprogram's endpoint
            // answers a single request, and while every miniprogram delivery still had attempts to go. (A deliverer that sent
            // one request at a time would have made app's retries wait for miniprogram's slow answers: 2 × 4 s at least.)
            Instant appDone = appHits.get(2).answeredAt();
            Duration appLatency = Duration.between(sent.at(), appDone);
            System.out.printf("webhook test: app's action decided to taken (3 attempts) in %d ms while miniprogram's endpoint stalls %d ms%n",
                    appLatency.toMillis(), SLOW_MS);
            assertThat(appLatency).as("app's action decided to taken").isLessThan(Duration.ofMillis(SLOW_MS));
            for (String m : minis) {
                long attemptsBefore = receiver.hitsOf(deliveryId(journey, m)).stream().filter(h -> h.receivedAt().isBefore(appDone)).count();
                assertThat(attemptsBefore).as("attempts of %s's miniprogram delivery before app's was delivered", m).isLessThan(3);
            }

            // miniprogram: dead after its 3 attempts, listed under state=dead with the last status.
            Eng.await(() -> minis.stream().allMatch(m -> state(journey, m).equals("dead")), "miniprogram's deliveries dead");
            JsonPath dead = given().header("Authorization", Eng.READER).queryParam("state", "dead").queryParam("channel", "miniprogram")
                    .get("/v1/webhooks/deliveries").then().statusCode(200).extract().jsonPath();
            List<String> miniIds = minis.stream().map(m -> deliveryId(journey, m)).toList();
            assertThat(dead.getList("delivery_id", String.class)).containsAll(miniIds);
            for (String id : miniIds) {
                Map<String, Object> d = dead.getMap("find { it.delivery_id == '" + id + "' }");
                assertThat(d).containsEntry("attempts", 3).containsEntry("last_status", 500).containsEntry("state", "dead");
                assertThat((String) d.get("last_error")).isEqualTo("HTTP 500 (after 3 attempts)");
                assertThat(receiver.hitsOf(id)).hasSize(3).allSatisfy(h -> assertThat(h.signatureValid()).isTrue());
            }

            // store: 400 is the receiver refusing the action: dead after one attempt.
            Eng.await(() -> state(journey, c).equals("dead"), "store's delivery dead");
            assertThat(receiver.hits("/store")).hasSize(1);
            assertThat(Eng.count(dataSource, "SELECT attempts FROM webhook_delivery WHERE delivery_id = ?::uuid", deliveryId(journey, c))).isEqualTo(1);
            // web: connection refused is retried, then dead after its 2 attempts, with the error and no status.
            Eng.await(() -> state(journey, w).equals("dead"), "web's delivery dead");
            JsonPath webDead = given().header("Authorization", Eng.READER).queryParam("state", "dead").queryParam("channel", "web")
                    .get("/v1/webhooks/deliveries").then().statusCode(200).extract().jsonPath();
            Map<String, Object> wd = webDead.getMap("find { it.delivery_id == '" + deliveryId(journey, w) + "' }");
            assertThat(wd).containsEntry("attempts", 2).containsEntry("last_status", null);
            assertThat((String) wd.get("last_error")).contains("Connect").endsWith("(after 2 attempts)");

            // Redrive: miniprogram's endpoint fixed, one dead delivery sent again; same id, now taken.
            miniprogramFixed = true;
            String redriven = miniIds.get(0);
            JsonPath r = given().header("Authorization", Eng.ADMIN).post("/v1/webhooks/deliveries/{id}/retry", redriven).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(r.getString("state")).isEqualTo("pending");
            assertThat(r.getInt("attempts")).isZero();
            Eng.await(() -> state(journey, minis.get(0)).equals("delivered"), "the redriven delivery delivered");
            assertThat(receiver.hitsOf(redriven)).extracting(Receiver.Hit::status).containsExactly(500, 500, 500, 200);
            given().header("Authorization", Eng.ADMIN).post("/v1/webhooks/deliveries/{id}/retry", redriven).then().statusCode(409)
                    .body("error", org.hamcrest.Matchers.equalTo("not_dead"));
            given().header("Authorization", Eng.ADMIN).post("/v1/webhooks/deliveries/{id}/retry", java.util.UUID.randomUUID()).then().statusCode(404);

            Map<String, Double> after = deliveryCounters();
            assertThat(delta(before, after, "app", "retried")).isEqualTo(2);
            assertThat(delta(before, after, "app", "delivered")).isEqualTo(1);
            assertThat(delta(before, after, "miniprogram", "retried")).isEqualTo(6);
            assertThat(delta(before, after, "miniprogram", "dead")).isEqualTo(3);
            assertThat(delta(before, after, "miniprogram", "delivered")).isEqualTo(1);
            assertThat(delta(before, after, "store", "dead")).isEqualTo(1);
            assertThat(delta(before, after, "web", "retried")).isEqualTo(1);
            assertThat(delta(before, after, "web", "dead")).isEqualTo(1);
            assertThat(given().get("/q/metrics").asString()).contains("quanyu_engagement_webhook_pending{channel=\"app\"}");

            // Exactly once: the enqueue cursors lost (a restart from scratch) and two instances enqueueing at once.
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery d JOIN engagement_action a USING (action_id) WHERE a.journey_id = ?",
                    journey)).isEqualTo(6);
            try (var s = dataSource.getConnection().createStatement()) {
                s.executeUpdate("UPDATE webhook SET enqueued_through = created_at");
                s.getConnection().close();
            }
            ExecutorService two = Executors.newFixedThreadPool(2);
            try {
                List<Callable<Integer>> instances = List.of(() -> enqueueAll(), () -> enqueueAll());
                int inserted = 0;
                for (Future<Integer> f : two.invokeAll(instances)) {
                    inserted += f.get();
                }
                assertThat(inserted).as("deliveries written again").isZero();
            } finally {
                two.shutdown();
            }
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery d JOIN engagement_action a USING (action_id) WHERE a.journey_id = ?",
                    journey)).isEqualTo(6);
            assertThat(receiver.hits("/app")).hasSize(3);

            // Erasure: the customer's action and its delivery go.
            String aAction = actionId(journey, a);
            String customerId = a.substring(2);
            try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
                kafka.send(Topics.PRIVACY_ERASURE, customerId, EventCodec.encode(new ErasureRequest(customerId, List.of(a), Instant.now(), "test")));
                assertThat(acks.await(1, rec -> customerId.equals(rec.key()) && EventCodec.decode(rec.value(), ErasureAck.class) instanceof Decoded.Ok<ErasureAck> ok
                        && ok.value().service().equals("engagement-service"), Duration.ofSeconds(30))).hasSize(1);
            }
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery WHERE action_id = ?", aAction)).isZero();
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM engagement_action WHERE action_id = ?", aAction)).isZero();
        } finally {
            for (String channel : CHANNELS) {
                given().header("Authorization", Eng.ADMIN).delete("/v1/webhooks/{c}", channel);
            }
        }
    }

    private int enqueueAll() throws Exception {
        int n = 0;
        int got;
        do {
            got = queue.enqueue(Instant.now(), config.enqueueMargin(), 2);
            n += got;
        } while (got >= 2);
        return n;
    }

    private static io.restassured.response.ValidatableResponse putWebhook(String channel, String url, Integer maxAttempts) {
        Map<String, Object> body = new HashMap<>(Map.of("url", url, "secret", SECRET, "active", true));
        if (maxAttempts != null) {
            body.put("max_attempts", maxAttempts);
        }
        return given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body(body).put("/v1/webhooks/{c}", channel).then();
    }

    private String state(String journey, String customer) {
        return text("SELECT d.state FROM webhook_delivery d JOIN engagement_action a USING (action_id) WHERE a.journey_id = ? AND a.customer_key = ?",
                journey, customer);
    }

    private String deliveryId(String journey, String customer) {
        return text("SELECT d.delivery_id::text FROM webhook_delivery d JOIN engagement_action a USING (action_id) WHERE a.journey_id = ? AND a.customer_key = ?",
                journey, customer);
    }

    private String actionId(String journey, String customer) {
        return text("SELECT action_id FROM engagement_action WHERE journey_id = ? AND customer_key = ?", journey, customer);
    }

    private String text(String sql, String... args) {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            try (var rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** quanyu_engagement_webhook_deliveries_total by "channel/outcome", as scraped. */
    private static Map<String, Double> deliveryCounters() {
        Map<String, Double> out = new HashMap<>();
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                "quanyu_engagement_webhook_deliveries_total\\{channel=\"([a-z]+)\",outcome=\"([a-z]+)\"[^}]*} ([0-9.E+-]+)");
        for (String line : given().get("/q/metrics").asString().lines().toList()) {
            java.util.regex.Matcher m = p.matcher(line);
            if (m.find()) {
                out.put(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)));
            }
        }
        return out;
    }

    private static long delta(Map<String, Double> before, Map<String, Double> after, String channel, String outcome) {
        String k = channel + "/" + outcome;
        assertThat(after).as("series %s", k).containsKey(k);
        return Math.round(after.get(k) - before.getOrDefault(k, 0.0));
    }
}
