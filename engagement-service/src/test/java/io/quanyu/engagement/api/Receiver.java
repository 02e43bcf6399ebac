package io.quanyu.engagement.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A real HTTP receiver for webhook tests, one path per channel: answers with the status the test's behaviour returns,
 * after a stall for a slow endpoint, and records every request with whether
 * its signature holds, checked the way a shop's receiver would, with javax.crypto and the README's rule.
 */
final class Receiver implements AutoCloseable {

    /** One request as received. */
    record Hit(String path, String deliveryId, String timestamp, String signature, byte[] body, Instant receivedAt, Instant answeredAt,
               int status, boolean signatureValid) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** How a path answers: given the hits of this delivery id so far (this one included), the status to send. */
    interface Behaviour {
        int answer(List<Hit> sameDelivery);
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Hit> hits = new CopyOnWriteArrayList<>();
    private final String secret;

    Receiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.start();
    }

    /** Serves {@code path} with the behaviour; {@code stallMs} is slept before answering (a slow endpoint). */
    Receiver on(String path, long stallMs, Behaviour behaviour) {
        server.createContext(path, exchange -> handle(exchange, path, stallMs, behaviour));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Hit> hits(String path) {
        return hits.stream().filter(h -> h.path().equals(path)).toList();
    }

    List<Hit> hitsOf(String deliveryId) {
        return hits.stream().filter(h -> deliveryId.equals(h.deliveryId())).toList();
    }

    private void handle(HttpExchange exchange, String path, long stallMs, Behaviour behaviour) throws IOException {
        Instant received = Instant.now();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String delivery = exchange.getRequestHeaders().getFirst("X-Quanyu-Delivery");
        String timestamp = exchange.getRequestHeaders().getFirst("X-Quanyu-Timestamp");
        String signature = exchange.getRequestHeaders().getFirst("X-Quanyu-Signature");
        boolean valid = "POST".equals(exchange.getRequestMethod()) && timestamp != null && signature != null
                && signature.equals("sha256=" + hmac(timestamp + "." + new String(body, StandardCharsets.UTF_8)))
                && Math.abs(Long.parseLong(timestamp) - Instant.now().getEpochSecond()) <= 300;
        List<Hit> before = delivery == null ? List.of() : hitsOf(delivery);
        Hit provisional = new Hit(path, delivery, timestamp, signature, body, received, null, 0, valid);
        List<Hit> sameDelivery = new ArrayList<>(before);
        sameDelivery.add(provisional);
        int status = behaviour.answer(sameDelivery);
        if (stallMs > 0) {
            try {
                Thread.sleep(stallMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        hits.add(new Hit(path, delivery, timestamp, signature, body, received, Instant.now(), status, valid));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    private String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
