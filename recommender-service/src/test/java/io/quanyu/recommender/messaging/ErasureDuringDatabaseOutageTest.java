package io.quanyu.recommender.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.DatabaseOutage;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An erasure that arrives while the database is away is carried out and acknowledged once it is back, with no manual step. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureDuringDatabaseOutageTest {

    @Inject
    InteractionStore store;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theErasureWorkerWaitsOutTheOutageThenErasesAndAcknowledges() throws Exception {
        String key = "a:outage-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS);
             DatabaseOutage outage = DatabaseOutage.of(url, username, password)) {
            Instant t = Instant.now().minusSeconds(600);
            kafka.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.WEB, EventType.PRODUCT_VIEW,
                    t, key, t, null, new ProductView("m-1", null, null))));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (store.of(List.of(key)).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(store.of(List.of(key))).hasSize(1);

            outage.begin();
            kafka.send(Topics.PRIVACY_ERASURE, key, EventCodec.encode(new ErasureRequest(key, List.of(key), Instant.now(), "test")));
            // Not acknowledged while the database is away (nothing was erased), and the service says it is not ready.
            assertThat(acks.await(1, r -> key.equals(r.key()), Duration.ofSeconds(4))).isEmpty();
            given().get("/q/health/ready").then().statusCode(503);
            outage.end();

            assertThat(acks.await(1, r -> key.equals(r.key()), Duration.ofSeconds(40))).hasSize(1);
            assertThat(store.of(List.of(key))).isEmpty();
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            given().get("/q/health/ready").then().statusCode(200);
        }
    }
}
