package io.quanyu.chatbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The seeds' own question "你的商品有优惠券吗？" answered by the packaged chatbot from the customer's live coupon, which
 * the packaged engagement-service grants and serves, both on the real broker and PostgreSQL: the customer gets their
 * code, another customer does not, and with the engagement-service gone the answer goes out without coupons.
 */
class CouponAnswerIT {

    private static final String QUESTION = "你的商品有优惠券吗？";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void aCustomerAsksForCouponsAndGetsTheirLiveCode() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        String alice = "coupon-alice-" + run;
        String bob = "coupon-bob-" + run;
        Map<String, String> engagementEnv = ServiceProcess.infraEnv("coupon_engagement");
        engagementEnv.putAll(TestCredentials.env());
        try (ServiceProcess engagement = ServiceProcess.of(Path.of("..", "engagement-service", "target", "quarkus-app", "quarkus-run.jar"),
                engagementEnv, Path.of("target", "coupon-it-engagement.log"), "-Xmx384m").start(Duration.ofSeconds(120))) {
            Map<String, String> chatbotEnv = new HashMap<>(ServiceProcess.infraEnv("coupon_chatbot"));
            chatbotEnv.putAll(TestCredentials.env());
            chatbotEnv.put("QUANYU_ENGAGEMENT_URL", engagement.url(""));
            // This test is about what the answer says; the 300 ms budget (EngagementClientTest) is not for a shared
            // 2-core machine running both services, the broker and PostgreSQL at once.
            chatbotEnv.put("QUANYU_CHATBOT_ENGAGEMENT_TIMEOUT", "3s");
            // The launcher's heap: the shipped sentiment models must fit in it too.
            try (ServiceProcess chatbot = ServiceProcess.of(Path.of("target", "quarkus-app", "quarkus-run.jar"), chatbotEnv,
                    Path.of("target", "coupon-it-chatbot.log"), "-Xmx512m").start(Duration.ofSeconds(120))) {
                String offer = "ten-off-" + run;
                assertThat(post(engagement, "/v1/offers", TestCredentials.ADMIN, Map.of("offer_id", offer, "name", "九折券",
                        "kind", "percentage", "value", 10, "budget", 1000, "code_valid_for", "P7D")).statusCode()).isEqualTo(201);
                HttpResponse<String> grant = post(engagement, "/v1/offers/" + offer + "/grants", TestCredentials.ADMIN, Map.of("customer", "u:" + alice));
                assertThat(grant.statusCode()).as(grant.body()).isEqualTo(201);
                String code = Json.MAPPER.readTree(grant.body()).path("code").asText();
                assertThat(code).hasSize(12);
                // What the chatbot will be told: the engagement-service serves the code to the customer's own token.
                ServiceProcess.Answer served = engagement.get("/v1/offers", TestCredentials.customer(alice));
                assertThat(served.status()).as(served.body()).isEqualTo(200);
                assertThat(served.body()).contains(code);

                JsonNode answer = chat(chatbot, alice);
                assertThat(answer.path("reply").asText()).as("engagement failures counted by the chatbot: %s",
                        chatbot.get("/q/metrics").body().lines().filter(l -> l.startsWith("quanyu_chatbot_engagement_failures_total")).toList())
                        .contains(code);
                assertThat(answer.path("intent").asText()).isEqualTo("promotion");
                assertThat(answer.path("answered_by").asText()).isEqualTo("offers");
                assertThat(answer.path("reply").asText()).contains("1 张", "9折", code, "前有效");

                JsonNode other = chat(chatbot, bob);
                assertThat(other.path("answered_by").asText()).isEqualTo("offers");
                assertThat(other.path("reply").asText()).contains("暂时没有可用的优惠券").doesNotContain(code);

                engagement.stop();
                JsonNode away = chat(chatbot, alice);
                assertThat(away.path("answered_by").asText()).isEqualTo("offers");
                assertThat(away.path("reply").asText()).contains("暂时没有可用的优惠券").doesNotContain(code);
                assertThat(chatbot.get("/q/metrics").body()).containsPattern("(?m)^quanyu_chatbot_engagement_failures_total(\\{[^}]*\\})? [1-9]");
            }
        }
    }

    private static JsonNode chat(ServiceProcess chatbot, String userId) throws IOException, InterruptedException {
        HttpResponse<String> r = post(chatbot, "/v1/chat", TestCredentials.customer(userId), Map.of("channel", "web", "text", QUESTION));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.MAPPER.readTree(r.body());
    }

    private static HttpResponse<String> post(ServiceProcess service, String path, String authorization, Map<String, Object> body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(10))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
