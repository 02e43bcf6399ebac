package io.quanyu.chatbot;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every chatbot endpoint in its access class; a visitor naming a customer's order learns nothing of it. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    private static final String ORDER = "DD" + (1_000_000_000L + System.nanoTime() % 8_000_000_000L);

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.ofEntries(
                Map.entry("POST /v1/chat", "anonymous,customer"),
                Map.entry("POST /v1/chat/feedback", "admin,customer,reader"),
                Map.entry("GET /v1/chat/feedback/pending", "admin,reader"),
                Map.entry("GET /v1/chat/sessions/{sessionId}/transcript", "admin,reader"),
                Map.entry("GET /v1/handoffs", "admin,reader"),
                Map.entry("GET /v1/chat/turns", "admin,reader"),
                Map.entry("POST /v1/models/retrain", "admin"),
                Map.entry("GET /v1/faq", "public"),
                Map.entry("PUT /v1/faq", "admin"),
                Map.entry("POST /v1/faq", "admin"),
                Map.entry("GET /v1/admin/deadletters", "admin"),
                Map.entry("POST /v1/admin/deadletters/{consumer}/redrive", "admin")
        );
    }

    @Override
    protected void seed() {
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Instant at = Instant.now().minusSeconds(86_400);
            Purchase p = new Purchase(ORDER, List.of(new OrderLine("p-1", 2, new BigDecimal("123.45"))), new BigDecimal("246.90"), "CNY", null);
            kafka.send(Topics.EVENTS, "u:walk-victim", EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.APP, EventType.PURCHASE,
                    at, "u:walk-victim", at, null, p)));
        }
    }

    @Override
    protected String body(String operation) {
        return operation.equals("POST /v1/chat") ? "{\"text\":\"where is my order " + ORDER + "? how much was it?\"}" : "{}";
    }

    @Override
    protected List<String> personalData() {
        return List.of("246.90", "123.45", "walk-victim");
    }
}
