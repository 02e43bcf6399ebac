package io.quanyu.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.IdentityChange;
import io.quanyu.events.Topics;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The identity graph under attack, on the real broker and database: a stranger's login carrying a victim's phone or
 * member card must end as a recorded conflict with both portraits intact, and an admin can split a wrong merge.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class IdentityGraphTest {

    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = KafkaTestClient.shared();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    private static CloudEvent event(Channel ch, EventType type, String subject, Instant t, io.quanyu.events.data.EventData data) {
        return CloudEvent.of(UUID.randomUUID().toString(), ch, type, t, subject, t, null, data);
    }

    private static void publish(CloudEvent e) {
        kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e));
    }

    private static Purchase purchase(String order, String amount) {
        return new Purchase(order, List.of(new OrderLine("sku-" + order, 1, new BigDecimal(amount))), new BigDecimal(amount), "CNY", "s1");
    }

    private static IdentityChange change(byte[] value) {
        try {
            return io.quanyu.events.Json.MAPPER.readValue(value, IdentityChange.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static double metric(String line) {
        String body = given().get("/q/metrics").asString();
        return body.lines().filter(l -> l.startsWith(line)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void aStrangersLoginWithTheVictimsPhoneAndCardIsARecordedConflictAndMergesNothing() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String victim = "victim-" + r;
        String attacker = "attacker-" + r;
        Instant t = Instant.now().minus(Duration.ofHours(3));
        double conflictsBefore = metric("quanyu_profile_identity_conflicts_total{reason=\"claimed_by_another_customer\"");
        try (KafkaTestClient.Tail identity = kafka.tail(Topics.PROFILE_IDENTITY)) {
            // The victim: a web login with their phone, and an order.
            publish(event(Channel.WEB, EventType.IDENTIFY, "u:" + victim, t, new Identify(victim,
                    List.of(new LinkedId(IdKind.PHONE_HASH, "ph-" + r), new LinkedId(IdKind.ANONYMOUS_ID, "w-" + victim)), Map.of("gender", "F"))));
            publish(event(Channel.WEB, EventType.PURCHASE, "u:" + victim, t.plusSeconds(60), purchase("o-" + r, "120.00")));
            ProfilePipelineTest.awaitProfile(victim, j -> j.getInt("activity.purchases") == 1);
            // The stranger types the same phone into another account's login, and a member card they do not own.
            publish(event(Channel.WEB, EventType.IDENTIFY, "u:" + attacker, t.plusSeconds(120), new Identify(attacker,
                    List.of(new LinkedId(IdKind.PHONE_HASH, "ph-" + r), new LinkedId(IdKind.MEMBER_CARD, "card-" + r),
                            new LinkedId(IdKind.ANONYMOUS_ID, "w-" + victim)), Map.of())));
            // The card's owner then buys in a store: the receipt must not reach the stranger.
            publish(event(Channel.STORE, EventType.PURCHASE, "a:card:card-" + r, t.plusSeconds(180), purchase("pos-" + r, "35.00")));

            List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> conflicts = identity.await(2,
                    rec -> ("u:" + attacker).equals(rec.key()) && rec.value() != null
                            && IdentityChange.CONFLICT.equals(change(rec.value()).type()), Duration.ofSeconds(60));
            assertThat(conflicts).hasSize(2);
            assertThat(conflicts.stream().map(rec -> change(rec.value())))
                    .extracting(IdentityChange::key, IdentityChange::otherCustomerId, IdentityChange::reason, IdentityChange::channel)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("a:phone:ph-" + r, "u:" + victim, "claimed_by_another_customer", "web"),
                            org.assertj.core.groups.Tuple.tuple("a:w-" + victim, "u:" + victim, "joins_known_customers", "web"));
        }
        JsonPath card = ProfilePipelineTest.awaitProfile("a:card:card-" + r, j -> j.getInt("activity.purchases") == 1);
        assertThat(card.getString("customer_id")).isEqualTo("a:card:card-" + r);

        JsonPath v = ProfilePipelineTest.awaitProfile(victim, j -> true);
        assertThat(v.getInt("activity.purchases")).isEqualTo(1);
        assertThat(v.getList("keys", String.class)).containsExactlyInAnyOrder("u:" + victim, "a:w-" + victim);
        JsonPath a = ProfilePipelineTest.awaitProfile(attacker, j -> true);
        assertThat(a.getString("customer_id")).isEqualTo("u:" + attacker);
        assertThat(a.getInt("activity.purchases")).isZero();
        assertThat(a.getList("keys", String.class)).containsExactly("u:" + attacker);

        // Visible to the back office: the attacker's conflicts and hints, the victim's side, the list, the metric.
        JsonPath ai = given().header("Authorization", TestCredentials.READER).get("/v1/profiles/" + attacker + "/identity")
                .then().statusCode(200).extract().jsonPath();
        assertThat(ai.getList("hints.key", String.class)).containsExactlyInAnyOrder("a:phone:ph-" + r, "a:card:card-" + r);
        assertThat(ai.getList("conflicts.reason", String.class)).hasSize(2);
        given().header("Authorization", TestCredentials.READER).get("/v1/profiles/" + victim + "/identity")
                .then().statusCode(200).body("conflicts.size()", equalTo(2)).body("hints[0].key", equalTo("a:phone:ph-" + r));
        List<String> listed = given().header("Authorization", TestCredentials.READER).get("/v1/identity/conflicts?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.customer_id == 'u:" + attacker + "' }.key", String.class);
        assertThat(listed).containsExactlyInAnyOrder("a:phone:ph-" + r, "a:w-" + victim);
        assertThat(metric("quanyu_profile_identity_conflicts_total{reason=\"claimed_by_another_customer\"")).isGreaterThanOrEqualTo(conflictsBefore + 1);

        // Not for anyone else: no credential, a customer's token, a reader on the admin split.
        given().get("/v1/identity/conflicts").then().statusCode(401);
        given().header("Authorization", TestCredentials.customer(attacker)).get("/v1/profiles/" + victim + "/identity").then().statusCode(403);
        given().header("Authorization", TestCredentials.READER).contentType("application/json").body("{\"keys\":[\"u:" + victim + "\"]}")
                .post("/v1/profiles/" + attacker + "/split").then().statusCode(403);
    }

    @Test
    void aTrustedLoginLinksTheCardAndAnAdminCanSplitItOutAgain() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String user = "s-" + r;
        Instant t = Instant.now().minus(Duration.ofHours(5));
        publish(event(Channel.STORE, EventType.PURCHASE, "a:card:K-" + r, t, purchase("pos1-" + r, "50.00")));
        publish(event(Channel.STORE, EventType.PURCHASE, "a:card:K-" + r, t.plusSeconds(30), purchase("pos2-" + r, "25.00")));
        publish(event(Channel.WEB, EventType.PRODUCT_VIEW, "u:" + user, t.plusSeconds(60), new ProductView("sku-" + r, "tea", null)));
        ProfilePipelineTest.awaitProfile("a:card:K-" + r, j -> j.getInt("activity.purchases") == 2);
        ProfilePipelineTest.awaitProfile(user, j -> j.getInt("activity.product_views") == 1);
        // The shop's member system binds the card (server key): the store history joins the account.
        publish(event(Channel.APP, EventType.IDENTIFY, "u:" + user, t.plusSeconds(90),
                new Identify(user, List.of(new LinkedId(IdKind.MEMBER_CARD, "K-" + r)), Map.of("age", "41"), true)));
        JsonPath merged = ProfilePipelineTest.awaitProfile(user, j -> j.getInt("activity.purchases") == 2);
        assertThat(merged.getList("keys", String.class)).containsExactlyInAnyOrder("u:" + user, "a:card:K-" + r);

        // The binding was wrong: the admin moves the card out again.
        given().header("Authorization", TestCredentials.ADMIN).contentType("application/json").body("{\"keys\":[\"u:nobody\"]}")
                .post("/v1/profiles/" + user + "/split").then().statusCode(400).body("error", equalTo("not_a_key_of_customer"));
        given().header("Authorization", TestCredentials.ADMIN).contentType("application/json").body("{\"keys\":[\"u:" + user + "\", \"a:card:K-" + r + "\"]}")
                .post("/v1/profiles/" + user + "/split").then().statusCode(400).body("error", equalTo("nothing_left"));
        given().contentType("application/json").body("{\"keys\":[\"a:card:K-" + r + "\"]}").post("/v1/profiles/" + user + "/split").then().statusCode(401);
        try (KafkaTestClient.Tail updates = kafka.tail(Topics.PROFILE_UPDATES)) {
            given().header("Authorization", TestCredentials.ADMIN).contentType("application/json").body("{\"keys\":[\"a:card:K-" + r + "\"]}")
                    .post("/v1/profiles/" + user + "/split").then().statusCode(200)
                    .body("from", equalTo("u:" + user)).body("into", equalTo("a:card:K-" + r));
            assertThat(updates.await(1, rec -> ("a:card:K-" + r).equals(rec.key()) && rec.value() != null, Duration.ofSeconds(30))).hasSize(1);
        }
        JsonPath card = ProfilePipelineTest.awaitProfile("a:card:K-" + r, j -> true);
        assertThat(card.getString("customer_id")).isEqualTo("a:card:K-" + r);
        assertThat(card.getInt("activity.purchases")).isEqualTo(2);
        assertThat(card.getDouble("rfm.monetary")).isEqualTo(75.0);
        JsonPath rest = ProfilePipelineTest.awaitProfile(user, j -> true);
        assertThat(rest.getInt("activity.purchases")).isZero();
        assertThat(rest.getInt("activity.product_views")).isEqualTo(1);
        assertThat(rest.getInt("activity.logins")).isEqualTo(1);
        assertThat(rest.getString("traits.age")).isEqualTo("41");
        assertThat(rest.getList("keys", String.class)).containsExactly("u:" + user);
    }
}
