package io.quanyu.chatbot.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.chatbot.config.ChatbotConfig;
import jakarta.inject.Inject;
import io.quanyu.chatbot.domain.dialogue.OfferFacts;
import io.quanyu.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the engagement-service for the coupons a signed-in customer can use now ({@code GET /v1/offers}), with the
 * customer's own token, so the chatbot can see no one else's. Never waits past the timeout and never fails a turn:
 * any trouble gives an empty list, counted.
 */
@ApplicationScoped
public class EngagementClient {

    private final String url;
    private final Duration timeout;
    private final Runnable failed;
    private final HttpClient http;

    @Inject
    public EngagementClient(ChatbotConfig config, ChatbotMetrics metrics) {
        this(config.engagementUrl(), config.engagementTimeout(), metrics::engagementFailed);
    }

    EngagementClient(String url, Duration timeout, Runnable failed) {
        this.url = url.replaceAll("/+$", "");
        this.timeout = timeout;
        this.failed = failed;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The live coupons of the customer the {@code Authorization} value names; empty without one, or on any failure. */
    public List<OfferFacts> liveOffers(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return List.of();
        }
        URI uri = URI.create(url + "/v1/offers");
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(timeout).header("Authorization", authorization)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                failed.run();
                return List.of();
            }
            List<OfferFacts> out = new ArrayList<>();
            for (JsonNode o : Json.MAPPER.readTree(r.body()).path("offers")) {
                String expires = o.path("expires_at").asText(null);
                out.add(new OfferFacts(o.path("code").asText(null), o.path("name").asText(null), o.path("kind").asText(null),
                        o.path("value").isNumber() ? o.path("value").decimalValue() : null,
                        o.path("min_spend").isNumber() ? o.path("min_spend").decimalValue() : null, o.path("currency").asText(null),
                        expires == null ? null : Instant.parse(expires)));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            failed.run();
            return List.of();
        }
    }
}
