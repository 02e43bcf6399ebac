package io.quanyu.chatbot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What the chat API refuses and how, feedback and retraining, the FAQ API, session expiry and erasure, on the real stack. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ChatRulesTest {

    private static final String ADMIN = "Bearer test-admin-token";

    @Inject
    ConversationStore conversations;

    @Test
    void awkwardTextGetsAClearAnswerOr4xxNever500() {
        JsonPath gibberish = Shop.say(Shop.session(), null, "asdkjh qwpoeiru zxmcnv");
        assertThat(gibberish.getString("answered_by")).isEqualTo("fallback");
        assertThat(gibberish.getString("reply")).contains("couldn't read that");

        JsonPath mixed = Shop.say(Shop.session(), null, "我想 cancel 我的 order please");
        assertThat(mixed.getString("language")).isEqualTo("mixed");
        assertThat(mixed.getString("reply")).isNotBlank();

        JsonPath emoji = Shop.say(Shop.session(), null, "😀😀😀 ？？？");
        assertThat(emoji.getString("reply")).isNotBlank();

        JsonPath longish = Shop.say(Shop.session(), null, "where is my order ".repeat(500));
        assertThat(longish.getBoolean("truncated")).isTrue();

        post(Map.of("session_id", "s1", "channel", "web", "text", "")).statusCode(400).body("error", equalTo("empty_text"));
        post(Map.of("session_id", "s1", "channel", "web", "text", "   \n ")).statusCode(400).body("error", equalTo("empty_text"));
        post(Map.of("session_id", "s1", "channel", "web")).statusCode(400).body("error", equalTo("empty_text"));
        post(Map.of("session_id", "s1", "channel", "web", "text", "x".repeat(100 * 1024))).statusCode(413).body("error", equalTo("text_too_long"));
        post(Map.of("session_id", "s1", "channel", "fax", "text", "hi")).statusCode(400).body("error", equalTo("invalid_channel"));
        post(Map.of("session_id", "s 1 ; drop", "channel", "web", "text", "hi")).statusCode(400).body("error", equalTo("invalid_session_id"));
        given().contentType(ContentType.JSON).body("{\"text\": ").post("/v1/chat").then().statusCode(400).body("error", notNullValue());
        given().contentType(ContentType.JSON).body("[1,2]").post("/v1/chat").then().statusCode(400).body("error", equalTo("invalid_json"));
        given().contentType(ContentType.JSON).post("/v1/chat").then().statusCode(400);
        given().contentType(ContentType.TEXT).body("hello").post("/v1/chat").then().statusCode(415);
    }

    @Test
    void aSessionIdIsMadeWhenAbsentAndCamelCaseIsAccepted() {
        String id = given().contentType(ContentType.JSON).body(Map.of("sessionId", "camel-1", "userId", "camel-user", "text", "hello"))
                .post("/v1/chat").then().statusCode(200).extract().path("session_id");
        assertThat(id).isEqualTo("camel-1");
        given().contentType(ContentType.JSON).body(Map.of("text", "hello")).post("/v1/chat").then().statusCode(200)
                .body("session_id", notNullValue());
    }

    @Test
    void anotherCustomersSessionIsRefused() {
        String session = Shop.session();
        Shop.say(session, "owner-1", "hello");
        post(Map.of("session_id", session, "user_id", "intruder-2", "text", "where is my order?")).statusCode(409)
                .body("error", equalTo("session_conflict"));
    }

    @Test
    void feedbackIsCheckedAndConfirmedExamplesTrainTheNextModel() {
        String phrase = "my parcel seems to have gone missing in transit";
        JsonPath turn = Shop.say(Shop.session(), null, phrase);
        String turnId = turn.getString("turn_id");

        feedback(Map.of("turn_id", "no-such-turn", "helpful", false)).statusCode(404);
        feedback(Map.of("turn_id", turnId)).statusCode(400).body("error", equalTo("invalid_request"));
        feedback(Map.of("turn_id", turnId, "helpful", false, "correct_intent", "teleport")).statusCode(400).body("error", equalTo("unknown_intent"));
        feedback(Map.of("turn_id", turnId, "helpful", false, "correct_intent", "order_status")).statusCode(202);

        given().post("/v1/models/retrain").then().statusCode(401);
        int confirmed = given().header("Authorization", ADMIN).post("/v1/models/retrain").then().statusCode(200)
                .extract().path("confirmed_by_feedback");
        assertThat(confirmed).isGreaterThanOrEqualTo(1);
        assertThat(Shop.say(Shop.session(), null, phrase).getString("intent")).isEqualTo("order_status");
    }

    @Test
    void faqEntriesLoadedByAnAdminAnswerQuestions() {
        List<Map<String, String>> entry = List.of(Map.of("id", "gift-wrap-en", "language", "en",
                "question", "Do you offer gift wrapping?", "answer", "Yes: tick 'gift wrap' at checkout, it is free."));
        given().contentType(ContentType.JSON).body(entry).post("/v1/faq").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(entry).post("/v1/faq").then().statusCode(403);
        given().contentType(ContentType.JSON).header("Authorization", ADMIN).body(List.of(Map.of("id", "x"))).post("/v1/faq")
                .then().statusCode(400).body("error", equalTo("invalid_entry"));
        given().contentType(ContentType.JSON).header("Authorization", ADMIN).body(entry).post("/v1/faq").then().statusCode(200);

        assertThat(given().get("/v1/faq").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .contains("gift-wrap-en", "shipping-time-en");
        JsonPath d = Shop.say(Shop.session(), null, "hi, do you offer gift wrapping?");
        assertThat(d.getString("answered_by")).isEqualTo("faq");
        assertThat(d.getString("reply")).isEqualTo("Yes: tick 'gift wrap' at checkout, it is free.");
    }

    @Test
    void anIdleSessionStartsOver() throws Exception {
        String session = Shop.session();
        Shop.say(session, "idle-user", "where is my order?");
        try (Connection c = conversations.begin()) {
            ConversationStore.Session live = conversations.lock(c, session, "u:idle-user", "web", Instant.now(), Duration.ofMinutes(30));
            assertThat(live.state().pendingSlot()).isEqualTo("order_number");
            ConversationStore.Session later = conversations.lock(c, session, "u:idle-user", "web",
                    Instant.now().plus(31, ChronoUnit.MINUTES), Duration.ofMinutes(30));
            assertThat(later.state().pendingSlot()).isNull();
            assertThat(later.state().turns()).isZero();
            c.rollback();
        }
    }

    @Test
    void erasureDeletesChatsAndOrdersThenAcknowledges() throws Exception {
        String user = "erase-" + System.nanoTime();
        String session = Shop.session();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            Shop.purchase(kafka, "u:" + user, Shop.orderId(), Instant.now(), 1);
            Shop.say(session, user, "hello");
            given().header("Authorization", ADMIN).get("/v1/chat/sessions/" + session + "/transcript").then().statusCode(200)
                    .body("lines.size()", equalTo(2));

            kafka.send(Topics.PRIVACY_ERASURE, user, EventCodec.encode(new ErasureRequest(user, List.of("u:" + user), Instant.now(), "test")));
            List<ConsumerRecord<String, byte[]>> got = acks.await(1, r -> r.key().equals(user)
                    && EventCodec.decode(r.value(), ErasureAck.class) instanceof Decoded.Ok<ErasureAck> ok && ok.value().service().equals("chatbot-service"),
                    Duration.ofSeconds(30));
            assertThat(got).hasSize(1);
            given().header("Authorization", ADMIN).get("/v1/chat/sessions/" + session + "/transcript").then().statusCode(404);
        }
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/chat").then();
    }

    private static io.restassured.response.ValidatableResponse feedback(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body).post("/v1/chat/feedback").then();
    }
}
