package io.quanyu.profile.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.testkit.DatabaseOutage;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A DELETE while the database is away is refused with a 503 to retry (nothing was promised), and the retry after it is accepted. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureDuringDatabaseOutageTest {

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void anErasureTheDatabaseCannotRecordIsRefusedForARetry() throws Exception {
        String anon = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(Duration.ofHours(1));
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.send(Topics.EVENTS, "a:" + anon, EventCodec.encode(ProfilePipelineTest.event(Channel.WEB, EventType.PRODUCT_VIEW, "a:" + anon, t,
                    new ProductView("sku-1", null, null))));
        }
        ProfilePipelineTest.awaitProfile(anon, j -> j.getInt("activity.events") == 1);
        try (DatabaseOutage outage = DatabaseOutage.of(url, username, password)) {
            outage.begin();
            given().header("Authorization", ProfilePipelineTest.ADMIN).delete("/v1/profiles/a:" + anon)
                    .then().statusCode(503).body("error", equalTo("unavailable"));
        }
        // 503 says "retry": the pool may still hand out a connection the outage ended, until it notices.
        int status = 503;
        for (long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos(); status == 503 && System.nanoTime() < deadline; ) {
            status = given().header("Authorization", ProfilePipelineTest.ADMIN).delete("/v1/profiles/a:" + anon).then().extract().statusCode();
            if (status == 503) {
                Thread.sleep(200);
            }
        }
        org.assertj.core.api.Assertions.assertThat(status).as("DELETE after the outage").isEqualTo(202);
        given().header("Authorization", ProfilePipelineTest.READER).get("/v1/profiles/a:" + anon).then().statusCode(404);
    }
}
