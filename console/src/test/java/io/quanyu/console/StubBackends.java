package io.quanyu.console;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on a free port standing in for profile-service in the BFF's unit tests: it answers the segment
 * endpoints in the shape profile does and records every request (method, path, Authorization, body), so a test can see
 * exactly what the console sent and with whose credential. The browser test runs the console against the real services.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    /** One request the stub received. */
    public record Seen(String method, String path, String authorization, String body) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            SEEN.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestHeaders().getFirst("Authorization"), body));
            int status;
            String answer;
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            if (path.equals("/v1/segments") && exchange.getRequestMethod().equals("GET")) {
                status = 200;
                answer = "[{\"id\":\"big-spenders\",\"name\":\"Big spenders\",\"kind\":\"rule\",\"members\":12,\"description\":\"monetary >= 500\"},"
                        + "{\"id\":\"behaviour-1\",\"name\":\"Cluster 1\",\"kind\":\"cluster\",\"members\":40,\"description\":\"heavy film viewers\"}]";
            } else if (path.equals("/v1/segments") && exchange.getRequestMethod().equals("POST")) {
                boolean admin = "Bearer test-admin-token".equals(auth);
                status = admin ? 201 : 403;
                answer = admin ? "{\"id\":\"buyers\",\"name\":\"Buyers\",\"kind\":\"rule\",\"members\":7}"
                        : "{\"error\":\"forbidden\",\"message\":\"this endpoint is for admin, not reader\"}";
            } else if (path.startsWith("/v1/profiles/")) {
                status = 503;
                answer = "{\"error\":\"unavailable\",\"message\":\"the database is not answering; try again shortly\"}";
            } else {
                status = 404;
                answer = "{\"error\":\"not_found\",\"message\":\"nothing here\"}";
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        // Profile is the stub; every other service is a closed port, as when it is down.
        return Map.of("quanyu.console.profile-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quanyu.console.ingestion-url", "http://127.0.0.1:1", "quanyu.console.recommender-url", "http://127.0.0.1:1",
                "quanyu.console.chatbot-url", "http://127.0.0.1:1", "quanyu.console.forecast-url", "http://127.0.0.1:1",
                "quanyu.console.ads-url", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
