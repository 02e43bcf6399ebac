package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The running services' HTTP APIs as the demo asks them: JSON in and out, the admin token where needed. */
final class Api {

    /** An answer: status and parsed body (a missing node when the body is not JSON). */
    record Answer(int status, JsonNode json, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String adminToken;

    Api(String adminToken) {
        this.adminToken = adminToken;
    }

    static String url(int port, String path) {
        return "http://localhost:" + port + path;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Answer get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create(url(port, path))).GET());
    }

    Answer post(int port, String path, Object body, boolean admin) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(port, path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            if (admin) {
                b.header("Authorization", "Bearer " + adminToken);
            }
            return send(b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Answer send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(r.body());
            } catch (IOException e) {
                json = com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            return new Answer(r.statusCode(), json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json, r.body());
        } catch (IOException e) {
            return new Answer(0, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, com.fasterxml.jackson.databind.node.MissingNode.getInstance(), "interrupted");
        }
    }
}
