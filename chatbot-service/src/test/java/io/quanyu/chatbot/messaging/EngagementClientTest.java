package io.quanyu.chatbot.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.quanyu.chatbot.domain.dialogue.OfferFacts;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's side of the coupon look-up against a stand-in HTTP server (the engagement-service's own tests cover
 * the endpoint): the customer's credential is forwarded as is, and trouble of any kind costs the answer its coupons,
 * never the turn.
 */
class EngagementClientTest {

    private HttpServer server;
    private final AtomicReference<String> seen = new AtomicReference<>();
    private final AtomicInteger failures = new AtomicInteger();

    private EngagementClient serving(int status, String body, long delayMs) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/offers", ex -> {
            seen.set(ex.getRequestHeaders().getFirst("Authorization"));
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
        return new EngagementClient("http://127.0.0.1:" + server.getAddress().getPort() + "/", Duration.ofMillis(300), failures::incrementAndGet);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void theCustomersOwnTokenIsForwardedAndTheirCouponsRead() throws Exception {
        EngagementClient c = serving(200, """
                {"customer_key":"u:42","offers":[{"code":"K7Q2ZP9M4XWD","offer_id":"cart-10","name":"Cart rescue","kind":"percentage",
                 "value":10,"min_spend":null,"currency":"CNY","expires_at":"2026-12-10T00:00:00Z"}]}""", 0);
        assertThat(c.liveOffers("Bearer customer-token-of-42")).containsExactly(new OfferFacts("K7Q2ZP9M4XWD", "Cart rescue", "percentage",
                new BigDecimal("10"), null, "CNY", Instant.parse("2026-12-10T00:00:00Z")));
        assertThat(seen.get()).isEqualTo("Bearer customer-token-of-42");
        assertThat(failures).hasValue(0);
        // Without a credential there is nobody to ask about.
        seen.set(null);
        assertThat(c.liveOffers(null)).isEmpty();
        assertThat(seen.get()).isNull();
    }

    @Test
    void aRefusalASlowAnswerOrGarbageGiveNoCouponsAndAreCounted() throws Exception {
        assertThat(serving(403, "{\"error\":\"forbidden\"}", 0).liveOffers("Bearer x")).isEmpty();
        stop();
        assertThat(serving(200, "{\"offers\":[]}", 1500).liveOffers("Bearer x")).isEmpty();
        stop();
        assertThat(serving(200, "not json", 0).liveOffers("Bearer x")).isEmpty();
        assertThat(failures).hasValue(3);
        assertThat(new EngagementClient("http://127.0.0.1:1", Duration.ofMillis(300), failures::incrementAndGet).liveOffers("Bearer x")).isEqualTo(List.of());
        assertThat(failures).hasValue(4);
    }
}
