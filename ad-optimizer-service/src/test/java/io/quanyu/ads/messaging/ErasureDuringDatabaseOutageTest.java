package io.quanyu.ads.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.AdEvent;
import io.quanyu.testkit.DatabaseOutage;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** An erasure that arrives while the database is away is carried out and acknowledged once it is back, with no manual step. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureDuringDatabaseOutageTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void theErasureWorkerWaitsOutTheOutageThenErasesAndAcknowledges() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String key = "a:outage-" + run;
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS);
             DatabaseOutage outage = DatabaseOutage.of(url, username, password)) {
            Instant t = Instant.now().minusSeconds(600);
            kafka.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.APP, EventType.AD_CLICK, t, key, t,
                    null, new AdEvent("douyin", "OUT-" + run, "ad-" + run, null, null, null))));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (touches(key) == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(touches(key)).isEqualTo(1);

            outage.begin();
            kafka.send(Topics.PRIVACY_ERASURE, key, EventCodec.encode(new ErasureRequest(key, List.of(key), Instant.now(), "test")));
            // Not acknowledged while the database is away (nothing was erased), and the service says it is not ready.
            assertThat(acks.await(1, r -> key.equals(r.key()), Duration.ofSeconds(4))).isEmpty();
            given().get("/q/health/ready").then().statusCode(503);
            outage.end();

            assertThat(acks.await(1, r -> key.equals(r.key()), Duration.ofSeconds(40))).hasSize(1);
            assertThat(touches(key)).isZero();
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (given().get("/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            given().get("/q/health/ready").then().statusCode(200);
        }
    }

    private long touches(String key) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM ad_touch WHERE user_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
