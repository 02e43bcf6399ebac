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
 * HTTP servers on free ports standing in for profile-service and engagement-service in the BFF's unit tests: they
 * answer the segment, journey and offer endpoints in the shapes those services do and record every request (method,
 * path, Authorization, body), so a test can see exactly what the console sent and with whose credential. The browser
 * test runs the console against the real services.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    /** One request the stub received. */
    public record Seen(String method, String path, String authorization, String body) {
    }

    public static final List<Seen> SEEN = new CopyOnWriteArrayList<>();
    /** Set by a test: engagement-service answers empty journey and offer lists, as on a fresh stack. */
    public static volatile boolean engagementEmpty;
    private static HttpServer engagement;
    private static int engagementPort;
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
        startEngagement(0);
        // Profile and engagement are stubs; every other service is a closed port, as when it is down.
        return Map.of("quanyu.console.engagement-url", "http://127.0.0.1:" + engagementPort,
                "quanyu.console.profile-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "quanyu.console.ingestion-url", "http://127.0.0.1:1", "quanyu.console.recommender-url", "http://127.0.0.1:1",
                "quanyu.console.chatbot-url", "http://127.0.0.1:1", "quanyu.console.forecast-url", "http://127.0.0.1:1",
                "quanyu.console.ads-url", "http://127.0.0.1:1");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        stopEngagement();
    }

    /** Takes engagement-service's stub away: its port refuses connections, as when the service is down. */
    public static synchronized void stopEngagement() {
        if (engagement != null) {
            engagement.stop(0);
            engagement = null;
        }
    }

    /** Brings engagement-service's stub back on the port the console was configured with (0 the first time: a free one). */
    public static synchronized void startEngagement(int port) {
        try {
            engagement = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        engagement.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath() + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            SEEN.add(new Seen(exchange.getRequestMethod(), path, auth, ""));
            EngagementStub.Answer a = "Bearer test-reader-token".equals(auth) || "Bearer test-admin-token".equals(auth)
                    ? EngagementStub.answer(path, engagementEmpty)
                    : new EngagementStub.Answer(401, "{\"error\":\"unauthorized\",\"message\":\"a reader or admin token is required\"}");
            byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(a.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        engagement.start();
        engagementPort = engagement.getAddress().getPort();
    }

    public static int engagementPort() {
        return engagementPort;
    }
}
