package io.quanyu.chatbot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.store.ConversationStore;
import io.quanyu.chatbot.store.FeedbackStore;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
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

/**
 * What the chat API refuses and how, sessions named by the server and bound to their customer, feedback (who may give
 * it, what trains, the rate limit) and retraining, the FAQ API, session expiry and erasure, on the real stack.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ChatRulesTest {

    private static final String ADMIN = TestCredentials.ADMIN;
    private static final String READER = TestCredentials.READER;

    @Inject
    ConversationStore conversations;

    @Inject
    FeedbackStore feedbackStore;

    @Test
    void awkwardTextGetsAClearAnswerOr4xxNever500() {
        JsonPath gibberish = Shop.visitor().say("asdkjh qwpoeiru zxmcnv");
        assertThat(gibberish.getString("answered_by")).isEqualTo("fallback");
        assertThat(gibberish.getString("reply")).contains("couldn't read that");

        JsonPath mixed = Shop.visitor().say("我想 cancel 我的 order please");
        assertThat(mixed.getString("language")).isEqualTo("mixed");
        assertThat(mixed.getString("reply")).isNotBlank();

        JsonPath emoji = Shop.visitor().say("😀😀😀 ？？？");
        assertThat(emoji.getString("reply")).isNotBlank();

        JsonPath longish = Shop.visitor().say("where is my order ".repeat(500));
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
    void theServerNamesSessionsAndNeverBelievesAUserIdInTheBody() {
        Shop.Chat chat = Shop.as("camel-user-" + System.nanoTime());
        String id = chat.say("hello").getString("session_id");
        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(Shop.as("camel-user-2").say("hello").getString("session_id")).isNotEqualTo(id);
        // The attack: a user id in the body, and a session id the client made up.
        post(Map.of("session_id", "atk1", "user_id", "ml-1", "text", "where is my order")).statusCode(400).body("error", equalTo("user_id_not_accepted"));
        given().contentType(ContentType.JSON).body(Map.of("userId", "ml-1", "text", "where is my order")).post("/v1/chat").then().statusCode(400)
                .body("error", equalTo("user_id_not_accepted"));
        post(Map.of("session_id", "atk1", "text", "where is my order")).statusCode(404).body("error", equalTo("unknown_session"));
        given().contentType(ContentType.JSON).header("Authorization", TestCredentials.customer("ml-1")).body(Map.of("sessionId", "atk1", "text", "hi"))
                .post("/v1/chat").then().statusCode(404).body("error", equalTo("unknown_session"));
    }

    @Test
    void aSessionContinuesOnlyWithTheCredentialItBeganWith() {
        Shop.Chat owner = Shop.as("owner-" + System.nanoTime());
        owner.say("where is my order?");
        String unknown = given().contentType(ContentType.JSON).body(Map.of("session_id", "nobody-has-this-one", "text", "hi")).post("/v1/chat")
                .then().statusCode(404).extract().asString();
        for (String intruder : new String[] {TestCredentials.customer("intruder-2"), null}) {
            String answer = owner.takenOverBy(intruder).send("where is my order?").statusCode(404).body("error", equalTo("unknown_session"))
                    .extract().asString();
            assertThat(answer).as("another customer's session looks like one that does not exist").isEqualTo(unknown);
        }
        assertThat(owner.say("thanks").getString("answered_by")).isEqualTo("smalltalk");

        Shop.Chat visitor = Shop.visitor();
        visitor.say("hello");
        visitor.takenOverBy(TestCredentials.customer("late-login")).send("where is my order?").statusCode(404);
        assertThat(visitor.say("where is my order DD2024111800?").getString("answered_by")).isEqualTo("sign_in");
        // A credential that is not one is refused, never taken for a visitor.
        visitor.takenOverBy("Bearer forged.token.here").send("hello").statusCode(401).body("error", equalTo("invalid_token"));
        visitor.takenOverBy(READER).send("hello").statusCode(403);
    }

    @Test
    void feedbackNeedsACredentialIsRateLimitedAndOnlyConfirmedExamplesTrain() throws Exception {
        String phrase = "my parcel seems to have gone missing in transit";
        String user = "fb-" + System.nanoTime();
        String turnId = Shop.as(user).say(phrase).getString("turn_id");
        String customer = TestCredentials.customer(user);

        feedback(null, Map.of("turn_id", turnId, "helpful", false, "correct_intent", "order_status")).statusCode(401);
        feedback(TestCredentials.customer("someone-else"), Map.of("turn_id", turnId, "helpful", true)).statusCode(404);
        feedback(customer, Map.of("turn_id", "no-such-turn", "helpful", false)).statusCode(404);
        feedback(customer, Map.of("turn_id", turnId)).statusCode(400).body("error", equalTo("invalid_request"));
        feedback(customer, Map.of("turn_id", turnId, "helpful", false, "correct_intent", "teleport")).statusCode(400).body("error", equalTo("unknown_intent"));

        // A customer's correction is a suggestion: it waits for the back office and trains nothing.
        feedback(customer, Map.of("turn_id", turnId, "helpful", false, "correct_intent", "order_status")).statusCode(202)
                .body("status", equalTo("awaiting_confirmation"));
        assertThat(feedbackStore.confirmedExamples()).doesNotContain(new LabelledText(phrase, "order_status"));
        given().get("/v1/chat/feedback/pending").then().statusCode(401);
        given().header("Authorization", customer).get("/v1/chat/feedback/pending").then().statusCode(403);
        assertThat(given().header("Authorization", READER).get("/v1/chat/feedback/pending").then().statusCode(200).extract().jsonPath()
                .getList("pending.turn_id", String.class)).contains(turnId);

        feedback(READER, Map.of("turn_id", turnId, "helpful", false, "correct_intent", "order_status")).statusCode(202).body("status", equalTo("recorded"));
        assertThat(feedbackStore.confirmedExamples()).contains(new LabelledText(phrase, "order_status"));
        feedback(customer, Map.of("turn_id", turnId, "helpful", true)).statusCode(409).body("error", equalTo("already_confirmed"));

        given().post("/v1/models/retrain").then().statusCode(401);
        given().header("Authorization", READER).post("/v1/models/retrain").then().statusCode(403);
        int confirmed = given().header("Authorization", ADMIN).post("/v1/models/retrain").then().statusCode(200)
                .extract().path("confirmed_by_feedback");
        assertThat(confirmed).isGreaterThanOrEqualTo(1);
        assertThat(Shop.visitor().say(phrase).getString("intent")).isEqualTo("order_status");

        // One credential gets a burst, then has to wait.
        String busy = TestCredentials.customer("busy-" + System.nanoTime());
        int limited = 0;
        for (int i = 0; i < 25; i++) {
            var r = given().contentType(ContentType.JSON).header("Authorization", busy).body(Map.of("turn_id", "t-" + i, "helpful", true))
                    .post("/v1/chat/feedback").then().extract();
            if (r.statusCode() == 429) {
                limited++;
                assertThat(r.header("Retry-After")).isNotNull();
                assertThat(r.jsonPath().getString("error")).isEqualTo("rate_limited");
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(4);
    }

    @Test
    void faqEntriesLoadedByAnAdminAnswerQuestions() {
        List<Map<String, String>> entry = List.of(Map.of("id", "gift-wrap-en", "language", "en",
                "question", "Do you offer gift wrapping?", "answer", "Yes: tick 'gift wrap' at checkout, it is free."));
        given().contentType(ContentType.JSON).body(entry).post("/v1/faq").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", "Bearer wrong").body(entry).post("/v1/faq").then().statusCode(401);
        given().contentType(ContentType.JSON).header("Authorization", READER).body(entry).post("/v1/faq").then().statusCode(403);
        given().contentType(ContentType.JSON).header("Authorization", ADMIN).body(List.of(Map.of("id", "x"))).post("/v1/faq")
                .then().statusCode(400).body("error", equalTo("invalid_entry"));
        given().contentType(ContentType.JSON).header("Authorization", ADMIN).body(entry).post("/v1/faq").then().statusCode(200);

        assertThat(given().get("/v1/faq").then().statusCode(200).extract().jsonPath().getList("id", String.class))
                .contains("gift-wrap-en", "shipping-time-en");
        JsonPath d = Shop.visitor().say("hi, do you offer gift wrapping?");
        assertThat(d.getString("answered_by")).isEqualTo("faq");
        assertThat(d.getString("reply")).isEqualTo("Yes: tick 'gift wrap' at checkout, it is free.");
    }

    @Test
    void anIdleSessionStartsOver() throws Exception {
        Shop.Chat chat = Shop.as("idle-user");
        chat.say("where is my order?");
        String session = chat.sessionId();
        try (Connection c = conversations.begin()) {
            ConversationStore.Session live = conversations.lock(c, session, "u:idle-user", Instant.now(), Duration.ofMinutes(30));
            assertThat(live.state().pendingSlot()).isEqualTo("order_number");
            ConversationStore.Session later = conversations.lock(c, session, "u:idle-user",
                    Instant.now().plus(31, ChronoUnit.MINUTES), Duration.ofMinutes(30));
            assertThat(later.state().pendingSlot()).isNull();
            assertThat(later.state().turns()).isZero();
            c.rollback();
        }
    }

    @Test
    void erasureDeletesChatsAndOrdersThenAcknowledges() throws Exception {
        String user = "erase-" + System.nanoTime();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            Shop.purchase(kafka, "u:" + user, Shop.orderId(), Instant.now(), 1);
            Shop.Chat chat = Shop.as(user);
            chat.say("hello");
            String session = chat.sessionId();
            given().header("Authorization", READER).get("/v1/chat/sessions/" + session + "/transcript").then().statusCode(200)
                    .body("lines.size()", equalTo(2));
            given().header("Authorization", TestCredentials.customer(user)).get("/v1/chat/sessions/" + session + "/transcript").then().statusCode(403);
            given().get("/v1/chat/sessions/" + session + "/transcript").then().statusCode(401);

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

    private static io.restassured.response.ValidatableResponse feedback(String authorization, Map<String, ?> body) {
        var req = given().contentType(ContentType.JSON).body(body);
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        return req.post("/v1/chat/feedback").then();
    }
}
