package io.quanyu.chatbot.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks the recommender-service for products similar to one ({@code GET /v1/items/{id}/similar}). A product answer
 * never waits past the configured timeout and never fails for it: any trouble gives an empty list, counted.
 */
@ApplicationScoped
public class RecommenderClient {

    private final ChatbotConfig config;
    private final ChatbotMetrics metrics;
    private final HttpClient http;

    public RecommenderClient(ChatbotConfig config, ChatbotMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(config.recommenderTimeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Ids of products similar to productId, best first; empty when there are none or the recommender did not answer in time. */
    public List<String> similar(String productId, int limit) {
        URI uri = URI.create(config.recommenderUrl().replaceAll("/+$", "") + "/v1/items/"
                + URLEncoder.encode(productId, StandardCharsets.UTF_8).replace("+", "%20") + "/similar?limit=" + limit);
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(uri).timeout(config.recommenderTimeout()).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 404) {
                return List.of(); // the recommender has not seen this product yet
            }
            if (r.statusCode() != 200) {
                metrics.recommenderFailed();
                return List.of();
            }
            List<String> ids = new ArrayList<>();
            for (JsonNode item : Json.MAPPER.readTree(r.body()).path("items")) {
                String id = item.path("item_id").asText(null);
                if (id != null && !id.equals(productId)) {
                    ids.add(id);
                }
            }
            return ids.subList(0, Math.min(limit, ids.size()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (Exception e) {
            metrics.recommenderFailed();
            return List.of();
        }
    }
}
