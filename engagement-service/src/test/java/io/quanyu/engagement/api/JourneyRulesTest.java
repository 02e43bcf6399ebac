package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.engagement.messaging.Sweeper;
import io.quanyu.events.Channel;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The sweep on the real database: quiet hours move a due trigger to their end; a stopped offer or journey acts on nobody (pending triggers of a stopped journey are cancelled). */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class JourneyRulesTest {

    @Inject
    DataSource dataSource;

    @Inject
    Sweeper sweeper;

    @Test
    void quietHoursDelayTheActionAndStoppedDefinitionsActOnNobody() throws Exception {
        String run = Eng.run();
        String offer = "q-" + run;
        String journey = "quiet-" + run;
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        LocalTime start = LocalTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC);
        LocalTime end = LocalTime.ofInstant(now.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "5", "100", List.of())).statusCode(201);
        Map<String, Object> j = new HashMap<>(Eng.cartJourney(journey, offer, "PT1S", 0.0, List.of("miniprogram"), null));
        j.put("quiet_hours", Map.of("start", start.toString(), "end", end.toString(), "zone", "UTC"));
        Eng.post("/v1/journeys", j).statusCode(201);
        String quiet = "u:" + run + "-quiet";
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Eng.send(kafka, Eng.cart(run + "-c1", quiet, Channel.MINIPROGRAM, "sku-1", Instant.now()));
            // The running sweep finds it due in quiet hours and moves it to their end.
            Eng.await(() -> due(journey, quiet) != null && due(journey, quiet).isAfter(Instant.now().plus(Duration.ofMinutes(30))), "the trigger moved");
            Instant after = due(journey, quiet);
            assertThat(after).isEqualTo(now.plus(Duration.ofHours(1)));
            assertThat(state(journey, quiet)).isEqualTo("pending");

            sweeper.sweepOnce(after.plusSeconds(1));
            assertThat(state(journey, quiet)).isEqualTo("acted");
            assertThat(count("SELECT count(*) FROM engagement_action WHERE journey_id = ?", journey)).isEqualTo(1);

            // The offer stopped: the next customer's trigger grants nothing. Then the journey stopped: cancelled.
            given().header("Authorization", Eng.ADMIN).delete("/v1/offers/{id}", offer).then().statusCode(204);
            String second = "u:" + run + "-second";
            Eng.send(kafka, Eng.cart(run + "-c2", second, Channel.MINIPROGRAM, "sku-1", Instant.now()));
            Eng.await(() -> due(journey, second) != null, "the second trigger");
            sweeper.sweepOnce(after.plusSeconds(2));
            assertThat(state(journey, second)).isEqualTo("offer_unavailable");
            String fourth = "u:" + run + "-fourth";
            Eng.send(kafka, Eng.cart(run + "-c4", fourth, Channel.MINIPROGRAM, "sku-1", Instant.now()));
            Eng.await(() -> due(journey, fourth) != null, "the fourth trigger");
            given().header("Authorization", Eng.ADMIN).delete("/v1/journeys/{id}", journey).then().statusCode(204);
            sweeper.sweepOnce(after.plusSeconds(3));
            assertThat(state(journey, fourth)).isEqualTo("cancelled");
            String third = "u:" + run + "-third";
            // A stopped journey starts no trigger: nothing for the third customer at all.
            Eng.send(kafka, Eng.cart(run + "-c3", third, Channel.MINIPROGRAM, "sku-1", Instant.now()),
                    Eng.purchase(run + "-p3", third, Channel.MINIPROGRAM, "o-" + run, "10.00", Instant.now()));
            Eng.await(() -> count("SELECT count(*) FROM purchase WHERE event_id = ?", run + "-p3") == 1, "the third customer's events read");
            assertThat(due(journey, third)).isNull();
        }
        assertThat(count("SELECT count(*) FROM engagement_action WHERE journey_id = ?", journey)).isEqualTo(1);
    }

    private Instant due(String journey, String customer) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT due_at FROM journey_trigger WHERE journey_id = ? AND customer_key = ?")) {
            s.setString(1, journey);
            s.setString(2, customer);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Timestamp t = rs.getTimestamp(1);
                return t.toInstant();
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private String state(String journey, String customer) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT state FROM journey_trigger WHERE journey_id = ? AND customer_key = ?")) {
            s.setString(1, journey);
            s.setString(2, customer);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private long count(String sql, String arg) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, arg);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }
}
