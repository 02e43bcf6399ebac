package io.quanyu.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.config.ConsoleConfig;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
import io.quanyu.events.Json;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * The services' public HTTP APIs, called with the signed-in user's own credential: the console adds no rights of its
 * own, and a call never throws: a failure becomes a {@link Reply} whose message the page shows.
 */
@ApplicationScoped
public class Backends {

    private final ConsoleConfig config;
    private final HttpClient http;

    public Backends(ConsoleConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public String baseUrl(Service s) {
        String url = switch (s) {
            case INGESTION -> config.ingestionUrl();
            case PROFILE -> config.profileUrl();
            case RECOMMENDER -> config.recommenderUrl();
            case CHATBOT -> config.chatbotUrl();
            case FORECAST -> config.forecastUrl();
            case ADS -> config.adsUrl();
            case ENGAGEMENT -> config.engagementUrl();
        };
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public CompletableFuture<Reply> get(Service s, String path, String token) {
        return send(s, "GET", path, token, null);
    }

    public CompletableFuture<Reply> send(Service s, String method, String path, String token, Object body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl(s) + path)).timeout(config.timeout())
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        try {
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(new Reply(s, 400, null, "could not encode the request: " + e.getMessage()));
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> reply(s, r))
                .exceptionally(e -> Reply.unreachable(s, describe(e)));
    }

    /** The raw text of a service's endpoint that is not JSON (Prometheus metrics); null when it did not answer. */
    public CompletableFuture<String> text(Service s, String path) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl(s) + path)).timeout(config.timeout()).GET().build();
        return http.sendAsync(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> r.statusCode() == 200 ? r.body() : null)
                .exceptionally(e -> null);
    }

    private static Reply reply(Service s, HttpResponse<byte[]> r) {
        JsonNode body = null;
        byte[] bytes = r.body();
        if (bytes != null && bytes.length > 0) {
            try {
                body = Json.MAPPER.readTree(bytes);
            } catch (IOException e) {
                // Not JSON (a proxy's error page, say): the status alone says what happened.
            }
        }
        String problem = null;
        if (r.statusCode() >= 300) {
            problem = body != null && body.hasNonNull("message") ? body.get("message").asText()
                    : body != null && body.hasNonNull("error") ? body.get("error").asText() : null;
        }
        return new Reply(s, r.statusCode(), body, problem);
    }

    private static String describe(Throwable e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (t instanceof java.net.http.HttpTimeoutException || t instanceof TimeoutException) {
            return "timed out";
        }
        if (t instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
    }
}
