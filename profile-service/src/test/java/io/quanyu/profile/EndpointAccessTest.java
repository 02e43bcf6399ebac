package io.quanyu.profile;

import static io.restassured.RestAssured.given;

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
import io.quanyu.testkit.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every profile endpoint in its access class; with a real portrait in the store, no public answer shows it. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    private static final String CUSTOMER = "walk-" + UUID.randomUUID().toString().substring(0, 8);
    private static boolean seeded;

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.ofEntries(
                Map.entry("GET /v1/profiles/{id}", "admin,reader"),
                Map.entry("GET /v1/profiles/{id}/export", "admin,reader"),
                Map.entry("DELETE /v1/profiles/{id}", "admin"),
                Map.entry("GET /v1/profiles/{id}/identity", "admin,reader"),
                Map.entry("POST /v1/profiles/{id}/split", "admin"),
                Map.entry("GET /v1/identity/conflicts", "admin,reader"),
                Map.entry("GET /v1/segments", "public"),
                Map.entry("POST /v1/segments", "admin"),
                Map.entry("GET /v1/segments/{id}/members", "admin,reader"),
                Map.entry("GET /v1/models", "public"),
                Map.entry("POST /v1/models/retrain", "admin"),
                Map.entry("GET /v1/admin/deadletters", "admin"),
                Map.entry("POST /v1/admin/deadletters/{consumer}/redrive", "admin"));
    }

    /** A customer with a purchase, read back through the reader endpoint before the walk. */
    @Override
    protected void seed() throws Exception {
        if (seeded) {
            return;
        }
        Instant t = Instant.now().minus(Duration.ofHours(1));
        CloudEvent purchase = CloudEvent.of(UUID.randomUUID().toString(), Channel.STORE, EventType.PURCHASE, t, "u:" + CUSTOMER, t, null,
                new Purchase("o-" + CUSTOMER, List.of(new OrderLine("sku-walk", 1, new BigDecimal("777.00"))), new BigDecimal("777.00"), "CNY", "s-walk"));
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.send(Topics.EVENTS, purchase.subject(), EventCodec.encode(purchase));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (given().header("Authorization", TestCredentials.READER).get("/v1/profiles/" + CUSTOMER).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the seeded portrait did not appear");
            }
            Thread.sleep(100);
        }
        seeded = true;
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("id", CUSTOMER);
    }

    @Override
    protected List<String> personalData() {
        return List.of(CUSTOMER, "777.00", "s-walk");
    }
}
