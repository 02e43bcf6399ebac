package io.quanyu.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Export returns everything; erasure leaves nothing in any table, and a replay of old events does not bring it back. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasureTest {

    @Inject
    DataSource dataSource;

    @Test
    void exportIsCompleteAndErasureLeavesNoRowAnywhere() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(Duration.ofHours(3));
        List<CloudEvent> events = List.of(
                ProfilePipelineTest.event(Channel.APP, EventType.IDENTIFY, "u:" + r, t, new Identify(r, List.of(
                        new LinkedId(IdKind.DEVICE_ID, "dev-" + r), new LinkedId(IdKind.PHONE_HASH, "ph-" + r)), Map.of("gender", "M"), true)),
                // A web login's e-mail is an unverified hint: kept aside, exported and erased with the rest.
                ProfilePipelineTest.event(Channel.WEB, EventType.IDENTIFY, "u:" + r, t.plusSeconds(5), new Identify(r, List.of(
                        new LinkedId(IdKind.EMAIL_HASH, "em-" + r)), Map.of())),
                ProfilePipelineTest.event(Channel.APP, EventType.PRODUCT_VIEW, "a:dev-" + r, t.plusSeconds(10), new ProductView("sku-1", "tea", null)),
                ProfilePipelineTest.event(Channel.STORE, EventType.PURCHASE, "a:phone:ph-" + r, t.plusSeconds(20),
                        new Purchase("o-" + r, List.of(new OrderLine("sku-1", 1, BigDecimal.TEN)), BigDecimal.TEN, "CNY", "s1")));
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail erasures = kafka.tail(Topics.PRIVACY_ERASURE);
             KafkaTestClient.Tail updates = kafka.tail(Topics.PROFILE_UPDATES)) {
            events.forEach(e -> kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
            ProfilePipelineTest.awaitProfile(r, j -> j.getInt("activity.events") == 4);

            given().get("/v1/profiles/" + r + "/export").then().statusCode(401);
            given().header("Authorization", TestCredentials.customer(r)).get("/v1/profiles/" + r + "/export").then().statusCode(403);
            given().header("Authorization", ProfilePipelineTest.ADMIN).get("/v1/profiles/" + r + "/export").then().statusCode(200);
            JsonPath export = given().header("Authorization", ProfilePipelineTest.READER).get("/v1/profiles/" + r + "/export")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(export.getList("tables.identity.key", String.class)).containsExactlyInAnyOrder("u:" + r, "a:dev-" + r, "a:phone:ph-" + r);
            assertThat(export.getList("tables.customer_event.event_id", String.class))
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(CloudEvent::id).toList());
            assertThat(export.getList("tables.profile")).hasSize(1);
            assertThat(export.getList("tables.identity_hint.key", String.class)).containsExactly("a:email:em-" + r);
            assertThat(export.getString("portrait.traits.gender")).isEqualTo("M");
            // Export names every row that mentions the customer: nothing else in the database does.
            assertThat(rowsMentioning(r)).isEqualTo(export.getList("tables.identity").size() + export.getList("tables.customer_event").size()
                    + export.getList("tables.profile").size() + export.getList("tables.segment_member").size()
                    + export.getList("tables.identity_hint").size() + export.getList("tables.identity_conflict").size());

            given().delete("/v1/profiles/" + r).then().statusCode(401);
            given().header("Authorization", ProfilePipelineTest.READER).delete("/v1/profiles/" + r).then().statusCode(403);
            given().header("Authorization", ProfilePipelineTest.ADMIN).delete("/v1/profiles/a:dev-" + r)
                    .then().statusCode(202).body("customer_id", equalTo("u:" + r)).body("erased_keys", equalTo(3));
            given().header("Authorization", ProfilePipelineTest.READER).get("/v1/profiles/" + r).then().statusCode(404);

            var request = erasures.await(1, rec -> ("u:" + r).equals(rec.key()), Duration.ofSeconds(20));
            assertThat(request).hasSize(1);
            ErasureRequest er = ((Decoded.Ok<ErasureRequest>) EventCodec.decode(request.getFirst().value(), ErasureRequest.class)).value();
            assertThat(er.keys()).containsExactlyInAnyOrder("u:" + r, "a:dev-" + r, "a:phone:ph-" + r);
            assertThat(updates.await(1, rec -> ("u:" + r).equals(rec.key()) && rec.value() == null, Duration.ofSeconds(20))).hasSize(1);
            // Until the relay has them acknowledged, the outbox rows name the customer; then nothing does.
            awaitNoRowMentioning(r);

            // The same events again (a replay of events.v1): the customer stays erased.
            events.forEach(e -> kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
            String sentinel = "late-" + r;
            kafka.send(Topics.EVENTS, "a:" + sentinel, EventCodec.encode(ProfilePipelineTest.event(Channel.WEB, EventType.PRODUCT_VIEW,
                    "a:" + sentinel, Instant.now(), new ProductView("sku-2", null, null))));
            ProfilePipelineTest.awaitProfile(sentinel, j -> true);
            Thread.sleep(500);
            assertThat(rowsMentioning(r) - rowsMentioning(sentinel)).isZero();
            given().header("Authorization", ProfilePipelineTest.READER).get("/v1/profiles/" + r).then().statusCode(404);
        }
    }

    /** Waits (up to 20 s) until no row of any table mentions {@code token}. */
    private void awaitNoRowMentioning(String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (rowsMentioning(token) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(rowsMentioning(token)).isZero();
    }

    /** Rows in any table of the service's schema whose text mentions {@code token}. */
    long rowsMentioning(String token) throws Exception {
        long total = 0;
        try (Connection c = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("profile", "identity", "customer_event", "erased_key");
            for (String table : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM \"" + table + "\" t WHERE t::text LIKE ?")) {
                    ps.setString(1, "%" + token + "%");
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
        }
        return total;
    }
}
