package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quanyu.engagement.config.WebhookConfig;
import io.quanyu.engagement.store.DeliveryQueue;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.Json;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The webhook admin API: bad definitions get 400 with the reason, the secret is never returned, a paused webhook gets nothing until resumed, a deleted one's pending deliveries become dead letters. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class WebhookApiTest {

    private static final String SECRET = "api-test-secret-that-is-long-enough-0123";

    @Inject
    DataSource dataSource;

    @Inject
    DeliveryQueue queue;

    @Inject
    WebhookConfig config;

    @Test
    void badDefinitionsAndQueriesAreRefusedWithTheReason() {
        put("web", Map.of("url", "ftp://example.com/x", "secret", SECRET)).statusCode(400).body("message", containsString("http or https"));
        put("web", Map.of("url", "https://u:p@example.com/x", "secret", SECRET)).statusCode(400).body("message", containsString("credentials"));
        put("web", Map.of("url", "https://example.com/x", "secret", "short")).statusCode(400).body("message", containsString("32 bytes"));
        put("web", Map.of("url", "https://example.com/x", "secret", SECRET, "max_attempts", 0)).statusCode(400)
                .body("message", containsString("max_attempts"));
        put("web", Map.of("url", "https://example.com/x", "secret", SECRET, "max_attempts", "many")).statusCode(400);
        put("ads", Map.of("url", "https://example.com/x", "secret", SECRET)).statusCode(400).body("message", containsString("channel must be one of"));
        given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body("").put("/v1/webhooks/web").then().statusCode(400);
        given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body("[1]").put("/v1/webhooks/web").then().statusCode(400);
        given().header("Authorization", Eng.READER).queryParam("state", "lost").get("/v1/webhooks/deliveries").then().statusCode(400)
                .body("message", containsString("state"));
        for (String limit : List.of("0", "1001", "ten")) {
            given().header("Authorization", Eng.READER).queryParam("limit", limit).get("/v1/webhooks/deliveries").then().statusCode(400)
                    .body("message", containsString("limit"));
        }
        given().header("Authorization", Eng.READER).queryParam("channel", "fax").get("/v1/webhooks/deliveries").then().statusCode(400);
        given().header("Authorization", Eng.ADMIN).post("/v1/webhooks/deliveries/{id}/retry", "not-a-uuid").then().statusCode(404);
        given().header("Authorization", Eng.ADMIN).delete("/v1/webhooks/{c}", "fax").then().statusCode(400);
    }

    @Test
    void aWebhookIsCreatedReplacedPausedAndDeletedWithoutEverShowingItsSecret() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closed + "/hook";
        String run = Eng.run();
        try {
            put("web", Map.of("url", url, "secret", SECRET, "active", false)).statusCode(201).body("channel", equalTo("web"))
                    .body("active", equalTo(false)).body("max_attempts", equalTo(8)).body(not(containsString(SECRET)));
            // Paused: an action decided now is not enqueued.
            String action = action(run, "web");
            queue.enqueue(Instant.now(), config.enqueueMargin(), 100);
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery WHERE action_id = ?", action)).isZero();

            // Resumed (replaced: 200, same creation time): the action decided while paused goes out, and keeps failing.
            String created = given().header("Authorization", Eng.READER).get("/v1/webhooks").jsonPath().getString("find { it.channel == 'web' }.created_at");
            put("web", Map.of("url", url, "secret", SECRET + "-rotated", "max_attempts", 50)).statusCode(200).body("active", equalTo(true))
                    .body("created_at", equalTo(created)).body(not(containsString("rotated")));
            String listed = given().header("Authorization", Eng.READER).get("/v1/webhooks").then().statusCode(200).extract().asString();
            assertThat(listed).contains(url).doesNotContain(SECRET).doesNotContain("secret");
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery WHERE action_id = ? AND attempts >= 1", action) == 1,
                    "the paused action's delivery attempted");
            given().header("Authorization", Eng.READER).queryParam("state", "pending").queryParam("channel", "web").get("/v1/webhooks/deliveries")
                    .then().statusCode(200).body("action_id", org.hamcrest.Matchers.hasItem(action));

            // Deleted: its pending delivery becomes a dead letter, which can be listed.
            given().header("Authorization", Eng.ADMIN).delete("/v1/webhooks/{c}", "web").then().statusCode(204);
            given().header("Authorization", Eng.ADMIN).delete("/v1/webhooks/{c}", "web").then().statusCode(404);
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM webhook_delivery WHERE action_id = ? AND state = 'dead' AND last_error = 'webhook deleted'",
                    action)).isEqualTo(1);
            assertThat(given().header("Authorization", Eng.READER).get("/v1/webhooks").jsonPath().getList("channel")).doesNotContain("web");
        } finally {
            given().header("Authorization", Eng.ADMIN).delete("/v1/webhooks/{c}", "web");
        }
    }

    /** An action as the sweep writes it (the outbox row), decided now on the channel. */
    private String action(String run, String channel) throws Exception {
        String id = "act-api-" + run;
        EngagementAction a = new EngagementAction(id, "api-" + run, "u:api-" + run, channel, EngagementAction.GRANT_OFFER, "o-" + run, "CODE00000000",
                List.of(), "ev-" + run, Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO engagement_action (action_id, journey_id, customer_key, trigger_event_id, channel, record, at, published)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, true)""")) {
            s.setString(1, id);
            s.setString(2, a.journeyId());
            s.setString(3, a.customerKey());
            s.setString(4, a.triggerEventId());
            s.setString(5, channel);
            s.setString(6, Json.MAPPER.writeValueAsString(a));
            s.setTimestamp(7, Timestamp.from(a.at()));
            s.executeUpdate();
        }
        return id;
    }

    private static ValidatableResponse put(String channel, Map<String, Object> body) {
        return given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body(new HashMap<>(body)).put("/v1/webhooks/{c}", channel).then();
    }
}
