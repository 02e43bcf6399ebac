package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.testkit.CustomerTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The running services' HTTP APIs as the demo asks them: JSON in and out, the admin token for mutations, the reader
 * token for portraits, and customer tokens (signed with the stack's secret, as a shop's login would) for a customer's chat.
 */
final class Api {

    /** An answer: status and parsed body (a missing node when the body is not JSON). */
    record Answer(int status, JsonNode json, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    private final String adminToken;
    private final String readerToken;
    private final String customerSecret;

    Api(String adminToken, String readerToken, String customerSecret) {
        this.adminToken = adminToken;
        this.readerToken = readerToken;
        this.customerSecret = customerSecret;
    }

    /** The credentials ./quanyu up passed to the services (secrets.env). */
    static Api fromEnv() {
        return new Api(System.getenv().getOrDefault("QUANYU_ADMIN_TOKEN", ""), System.getenv().getOrDefault("QUANYU_READER_TOKEN", ""),
                System.getenv().getOrDefault("QUANYU_CUSTOMER_TOKEN_SECRET", ""));
    }

    /** {@code Bearer <customer token>} of userId, valid for an hour. */
    String customer(String userId) {
        return "Bearer " + CustomerTokens.mint(customerSecret, userId, Duration.ofHours(1));
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

    /** A GET of personal data, as the back office: the reader token. */
    Answer read(int port, String path) {
        return get(port, path, "Bearer " + readerToken);
    }

    /** A GET with this Authorization header. */
    Answer get(int port, String path, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url(port, path))).header("Authorization", authorization).GET());
    }

    Answer post(int port, String path, Object body, boolean admin) {
        return post(port, path, body, admin ? "Bearer " + adminToken : null);
    }

    /** An admin PUT (create or replace). */
    Answer put(int port, String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(URI.create(url(port, path))).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + adminToken).PUT(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A POST with this Authorization header (none when null). */
    Answer post(int port, String path, Object body, String authorization) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(port, path))).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            if (authorization != null) {
                b.header("Authorization", authorization);
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
