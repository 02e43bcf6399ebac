package io.quanyu.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quanyu.events.Channel;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.EventData;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Normalized events on the real broker into portraits in the real database, read back through the API. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ProfilePipelineTest {

    static final String ADMIN = TestCredentials.ADMIN;
    static final String READER = TestCredentials.READER;
    static KafkaTestClient kafka;

    @BeforeAll
    static void client() {
        kafka = KafkaTestClient.shared();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    static CloudEvent event(Channel ch, EventType type, String subject, Instant t, EventData data) {
        return CloudEvent.of(UUID.randomUUID().toString(), ch, type, t, subject, t, null, data);
    }

    static void publish(CloudEvent... events) {
        for (CloudEvent e : events) {
            kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e));
        }
    }

    /** Polls the profile until {@code done} holds or the timeout passes; returns the last answer. */
    static JsonPath awaitProfile(String id, Predicate<JsonPath> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonPath last = null;
        while (System.nanoTime() < deadline) {
            var r = given().header("Authorization", READER).get("/v1/profiles/" + id);
            if (r.statusCode() == 200) {
                last = r.jsonPath();
                if (done.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        return last;
    }

    @Test
    void anonymousWebThenAppLoginThenStoreCardIsOnePortraitWithThreeChannels() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(Duration.ofHours(2));
        publish(event(Channel.WEB, EventType.PRODUCT_VIEW, "a:anon-" + r, t, new ProductView("sku-" + r, "tea", null)));
        // The store purchase arrives before the login that links the card: the two must still end as one. The login
        // comes from the shop's back end (server key), so its member card counts.
        publish(event(Channel.STORE, EventType.PURCHASE, "a:card:M-" + r, t.plusSeconds(300),
                new Purchase("s1/" + r, List.of(new OrderLine("sku-" + r, 2, new BigDecimal("44.00"))), new BigDecimal("88.00"), "CNY", "s1")));
        publish(event(Channel.APP, EventType.IDENTIFY, "u:" + r, t.plusSeconds(60), new Identify(r, List.of(
                new LinkedId(IdKind.ANONYMOUS_ID, "anon-" + r), new LinkedId(IdKind.DEVICE_ID, "dev-" + r),
                new LinkedId(IdKind.MEMBER_CARD, "M-" + r)), Map.of("age", "29", "gender", "F", "occupation", "engineer"), true)));

        JsonPath p = awaitProfile(r, j -> j.getInt("activity.events") == 3);
        assertThat(p).isNotNull();
        assertThat(p.getString("customer_id")).isEqualTo("u:" + r);
        assertThat(p.getMap("channels")).containsOnlyKeys("web", "app", "store");
        assertThat(p.getList("keys", String.class)).contains("u:" + r, "a:anon-" + r, "a:dev-" + r, "a:card:M-" + r);
        assertThat(p.getInt("activity.purchases")).isEqualTo(1);
        assertThat(p.getString("traits.age_group")).isEqualTo("25-34");
        assertThat(p.getMap("category_interests")).containsKey("tea");
        // Every id answers with the same portrait.
        given().header("Authorization", READER).get("/v1/profiles/a:card:M-" + r).then().statusCode(200).body("customer_id", equalTo("u:" + r));
        given().header("Authorization", READER).get("/v1/profiles/anon-" + r).then().statusCode(200).body("customer_id", equalTo("u:" + r));
        given().header("Authorization", READER).get("/v1/profiles/nobody-" + r).then().statusCode(404).body("error", equalTo("not_found"));
        // A portrait is the back office's: not for anyone, not for a customer token (not even the customer's own).
        given().get("/v1/profiles/" + r).then().statusCode(401);
        given().header("Authorization", TestCredentials.customer(r)).get("/v1/profiles/" + r).then().statusCode(403);
        given().header("Authorization", TestCredentials.customer("someone-else")).get("/v1/profiles/a:card:M-" + r).then().statusCode(403);
    }

    @Test
    void chatTurnsFromTheChatbotCountAsChatsWithTheirSentiment() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(Duration.ofMinutes(5));
        publish(event(Channel.WEB, EventType.PRODUCT_VIEW, "u:" + r, t, new ProductView("sku-" + r, "tea", null)));
        for (double sentiment : new double[] {-0.8, -0.4}) {
            ChatTurn turn = new ChatTurn(UUID.randomUUID().toString(), "s-" + r, "u:" + r, "app", "zh", "太慢了", "抱歉", "complaint", 0.9,
                    sentiment, List.of(), "complaint", false, t.plusSeconds(60));
            kafka.send(Topics.CHAT_TRANSCRIPTS, turn.userKey(), EventCodec.encode(turn));
        }
        JsonPath p = awaitProfile(r, j -> j.getInt("activity.chats") == 2);
        assertThat(p.getInt("activity.chats")).isEqualTo(2);
        assertThat(p.getDouble("sentiment")).isCloseTo(-0.6, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void concurrentEventsForOneCustomerUnderSeveralKeysLoseNoUpdate() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        Instant t = Instant.now().minus(Duration.ofHours(1));
        List<String> subjects = List.of("u:" + r, "a:w-" + r, "a:d-" + r, "a:o-" + r);
        publish(event(Channel.APP, EventType.IDENTIFY, "u:" + r, t, new Identify(r, List.of(new LinkedId(IdKind.ANONYMOUS_ID, "w-" + r),
                new LinkedId(IdKind.DEVICE_ID, "d-" + r), new LinkedId(IdKind.OPENID, "o-" + r)), Map.of())));
        awaitProfile(r, j -> j.getList("keys").size() == 4);
        // Four keys on (most likely) four partitions, read by two workers at once: every view must count.
        List<CompletableFuture<Void>> senders = new ArrayList<>();
        for (String subject : subjects) {
            senders.add(CompletableFuture.runAsync(() -> {
                List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    batch.add(new ProducerRecord<>(Topics.EVENTS, subject, EventCodec.encode(event(Channel.WEB, EventType.PRODUCT_VIEW,
                            subject, t.plusSeconds(i), new ProductView("sku-" + i, "cat-" + (i % 3), null)))));
                }
                kafka.sendAll(batch);
            }));
        }
        senders.forEach(CompletableFuture::join);
        JsonPath p = awaitProfile(r, j -> j.getInt("activity.product_views") >= 1000);
        assertThat(p.getInt("activity.product_views")).isEqualTo(1000);
        assertThat(p.getInt("activity.events")).isEqualTo(1001);
    }

    @Test
    void ruleSegmentsNeedAnAdminAndKeepTheirMembersCurrent() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json").body("{\"name\":\"x\",\"condition\":{\"field\":\"a\",\"op\":\"exists\"}}")
                .post("/v1/segments").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType("application/json").body("{\"name\":\"x\",\"condition\":{}}")
                .post("/v1/segments").then().statusCode(401);
        given().header("Authorization", READER).contentType("application/json").body("{\"name\":\"x\",\"condition\":{}}")
                .post("/v1/segments").then().statusCode(403);
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"name\":\"bad\",\"condition\":{\"all\":[{\"field\":\"x\",\"op\":\"~\"}]}}")
                .post("/v1/segments").then().statusCode(400).body("message", org.hamcrest.Matchers.containsString("$.all[0].op"));
        String id = "big-spenders-" + r;
        given().header("Authorization", ADMIN).contentType("application/json")
                .body("{\"id\":\"" + id + "\",\"name\":\"Big spenders\",\"condition\":{\"all\":[{\"field\":\"activity.purchases\",\"op\":\">=\",\"value\":1},"
                        + "{\"field\":\"rfm.monetary\",\"op\":\">=\",\"value\":500}]}}")
                .post("/v1/segments").then().statusCode(201).body("id", equalTo(id));
        Instant t = Instant.now().minus(Duration.ofMinutes(30));
        publish(event(Channel.STORE, EventType.PURCHASE, "a:card:B-" + r, t,
                new Purchase("o/" + r, List.of(new OrderLine("sku-9", 1, new BigDecimal("999.00"))), new BigDecimal("999.00"), "CNY", "s2")));
        awaitProfile("a:card:B-" + r, j -> j.getList("segments").contains(id));
        given().header("Authorization", READER).get("/v1/segments/" + id + "/members").then().statusCode(200).body("members", hasItems("a:card:B-" + r));
        given().get("/v1/segments/" + id + "/members").then().statusCode(401);
        given().header("Authorization", TestCredentials.customer(r)).get("/v1/segments/" + id + "/members").then().statusCode(403);
        given().get("/v1/segments").then().statusCode(200).body("id", hasItems(id));
        given().header("Authorization", READER).get("/v1/segments/nope/members").then().statusCode(404);
    }
}
