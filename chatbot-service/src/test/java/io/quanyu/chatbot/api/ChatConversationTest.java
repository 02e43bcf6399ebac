package io.quanyu.chatbot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quanyu.chatbot.domain.dialogue.OrderFacts;
import io.quanyu.chatbot.domain.dialogue.OrderStatus;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.SupportHandoff;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Conversations as customers have them, on the real broker and database: orders published on events.v1 are answered
 * with their real status in Chinese and English across turns, every turn reaches chat.transcripts.v1, and an angry
 * customer is handed off on support.handoff.v1 with the transcript and the topic.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ChatConversationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void englishConversationAboutAnOrderInTheStream() throws Exception {
        String user = "alice-" + System.nanoTime();
        String order = Shop.orderId();
        String older = Shop.orderId();
        Instant placed = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail transcripts = kafka.tail(Topics.CHAT_TRANSCRIPTS)) {
            Shop.purchase(kafka, "u:" + user, older, placed.minus(20, ChronoUnit.DAYS), 1);
            Shop.purchase(kafka, "u:" + user, order, placed, 2);
            Shop.Chat chat = Shop.as(user);

            JsonPath ask = awaitOrders(chat, user, "Where is my order?", 2);
            assertThat(ask.getString("answered_by")).isEqualTo("slot");
            assertThat(ask.getList("suggestions", String.class)).containsExactly(order, older);

            JsonPath status = chat.say(order);
            assertThat(status.getString("answered_by")).isEqualTo("order");
            OrderFacts facts = new OrderFacts(order, "u:" + user, placed, new BigDecimal("199.00"), "CNY", 2, null, null, null);
            assertThat(status.getString("reply")).contains(order, "¥199.00", "2 items", english(OrderStatus.latestDelivery(facts)));

            JsonPath when = chat.say("and when will it arrive?");
            assertThat(when.getString("answered_by")).isEqualTo("order");
            assertThat(when.getString("reply")).contains(order);

            List<ConsumerRecord<String, byte[]>> turns = transcripts.await(3, r -> r.key().equals("u:" + user) && decode(r, ChatTurn.class).sessionId().equals(chat.sessionId()), WAIT);
            assertThat(turns).hasSize(3);
            ChatTurn first = decode(turns.getFirst(), ChatTurn.class);
            assertThat(first.sessionId()).isEqualTo(chat.sessionId());
            assertThat(first.text()).isEqualTo("Where is my order?");
            assertThat(first.intent()).isEqualTo("order_status");
            assertThat(first.language()).isEqualTo("en");
            assertThat(decode(turns.get(1), ChatTurn.class).entities()).contains("ORDER_NUMBER");
        }
    }

    @Test
    void chineseConversationAboutARefundedOrder() throws Exception {
        String user = "li-" + System.nanoTime();
        String order = Shop.orderId();
        Instant placed = Instant.now().minus(10, ChronoUnit.DAYS);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Shop.purchase(kafka, "u:" + user, order, placed, 1);
            Shop.refund(kafka, "u:" + user, order, placed.plus(3, ChronoUnit.DAYS), new BigDecimal("99.50"));
            Shop.Chat chat = Shop.as(user);
            awaitOrders(chat, user, "你好", 1);

            JsonPath ask = chat.say("我的订单到哪了？");
            assertThat(ask.getString("answered_by")).isEqualTo("slot");
            JsonPath status = awaitReply(chat, "订单号是" + order, "已全额退款");
            assertThat(status.getString("reply")).contains(order, "已全额退款", "¥99.50");
            assertThat(status.getList("entities.type", String.class)).contains("ORDER_NUMBER");
            int start = status.getInt("entities[0].start");
            assertThat(("订单号是" + order).substring(start, status.getInt("entities[0].end"))).isEqualTo(order);

            JsonPath refund = chat.say("退款什么时候到账");
            assertThat(refund.getString("reply")).contains(order, "退款");
        }
    }

    @Test
    void aStoreReceiptOnTheMemberCardIsTheCustomersOrderOnceTheProfileLinksThem() throws Exception {
        String user = "zhao-" + System.nanoTime();
        String card = "a:card:c-" + System.nanoTime();
        String order = "store-3/r-" + System.nanoTime();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Shop.storePurchase(kafka, card, order, "store-3", Instant.now().minus(2, ChronoUnit.DAYS));
            kafka.send(Topics.PROFILE_UPDATES, "u:" + user, EventCodec.encode(new ProfileDigest("u:" + user, user, List.of("u:" + user, card),
                    List.of(), "store", "active", null, null)));
            Shop.Chat chat = Shop.as(user);
            JsonPath ask = awaitOrders(chat, user, "Where is my order?", 1);
            assertThat(ask.getList("suggestions", String.class)).containsExactly(order);
            JsonPath status = chat.say(order);
            assertThat(status.getString("answered_by")).isEqualTo("order");
            assertThat(status.getString("reply")).contains(order, "store-3", "¥87.00");
        }
    }

    @Test
    void anAngryCustomerIsHandedOffWithTheTranscriptAndTopic() throws Exception {
        String user = "wang-" + System.nanoTime();
        String order = Shop.orderId();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail handoffs = kafka.tail(Topics.SUPPORT_HANDOFF)) {
            Shop.purchase(kafka, "u:" + user, order, Instant.now().minus(9, ChronoUnit.DAYS), 1);
            Shop.Chat chat = Shop.as(user);
            awaitOrders(chat, user, "hi", 1);
            JsonPath status = chat.say("我的订单" + order + "到哪了");
            assertThat(status.getString("answered_by")).isEqualTo("order");

            JsonPath angry = chat.say("太差了！快递一直不到，气死我了，我要投诉！");
            assertThat(angry.getString("handoff.reason")).isEqualTo(SupportHandoff.NEGATIVE_SENTIMENT);
            assertThat(angry.getString("sentiment.polarity")).isEqualTo("NEGATIVE");
            String ticket = angry.getString("handoff.ticket_id");

            List<ConsumerRecord<String, byte[]>> got = handoffs.await(1, r -> r.key().equals(chat.sessionId()), WAIT);
            assertThat(got).hasSize(1);
            SupportHandoff h = decode(got.getFirst(), SupportHandoff.class);
            assertThat(h.ticketId()).isEqualTo(ticket);
            assertThat(h.userKey()).isEqualTo("u:" + user);
            assertThat(h.topic()).isEqualTo("order_status");
            assertThat(h.orderId()).isEqualTo(order);
            assertThat(h.transcript()).extracting(SupportHandoff.Line::role).containsExactly("customer", "bot", "customer", "bot", "customer", "bot");
            assertThat(h.transcript().get(2).text()).contains(order);
            assertThat(h.transcript().get(3).text()).contains(order);
            assertThat(h.transcript().get(4).text()).contains("气死我了");

            // The agents' queue (reader; the console's customer-service page) lists it, newest first, as published.
            JsonPath queue = given().header("Authorization", TestCredentials.READER).when().get("/v1/handoffs?limit=500").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(queue.getList("handoffs.ticket_id", String.class)).contains(ticket);
            assertThat(queue.getString("handoffs.find { it.ticket_id == '" + ticket + "' }.transcript[4].text")).contains("气死我了");
            assertThat(queue.getString("handoffs.find { it.ticket_id == '" + ticket + "' }.topic")).isEqualTo("order_status");
            given().when().get("/v1/handoffs").then().statusCode(401);
            given().header("Authorization", TestCredentials.READER).when().get("/v1/handoffs?limit=0").then().statusCode(400);

            // Customer 360's chat panel: this customer's turns and hand-off, newest first, and no one else's.
            JsonPath mine = given().header("Authorization", TestCredentials.READER).when().get("/v1/chat/turns?key=u:" + user + "&key=a:nobody-" + user)
                    .then().statusCode(200).extract().jsonPath();
            // "hi" until the order was visible (once or more), the order question, the complaint.
            assertThat(mine.getList("turns.text", String.class)).hasSizeGreaterThanOrEqualTo(3).first().asString().contains("气死我了");
            assertThat(mine.getList("turns.user_key", String.class)).containsOnly("u:" + user);
            assertThat(mine.getList("turns.handoff", Boolean.class)).first().isEqualTo(true);
            assertThat(mine.getList("turns.handoff", Boolean.class).subList(1, mine.getList("turns").size())).containsOnly(false);
            assertThat(mine.getList("handoffs.ticket_id", String.class)).containsExactly(ticket);
            given().header("Authorization", TestCredentials.READER).when().get("/v1/chat/turns?key=u:someone-else-" + user)
                    .then().statusCode(200).body("turns.size()", org.hamcrest.Matchers.equalTo(0));
            given().header("Authorization", TestCredentials.customer(user)).when().get("/v1/chat/turns?key=u:" + user).then().statusCode(403);
            given().header("Authorization", TestCredentials.READER).when().get("/v1/chat/turns").then().statusCode(400);
        }
    }

    @Test
    void aCustomerCannotReadAnothersOrdersOrSession() throws Exception {
        String bob = "bob-" + System.nanoTime();
        String order = Shop.orderId();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Shop.purchase(kafka, "u:" + bob, order, Instant.now().minus(1, ChronoUnit.DAYS), 2);
            Shop.Chat bobs = Shop.as(bob);
            JsonPath own = awaitOrders(bobs, bob, "Where is my order?", 1);
            assertThat(own.getList("suggestions", String.class)).containsExactly(order);
            assertThat(bobs.say(order).getString("reply")).contains("¥199.00");

            // Alice, signed in, names Bob's order; then tries Bob's session id; a visitor tries both.
            String aliceId = "alice-" + System.nanoTime();
            Shop.Chat alice = Shop.as(aliceId);
            JsonPath named = alice.say("where is my order " + order + "?");
            assertThat(named.getString("reply")).contains("can't find order " + order).doesNotContain("¥", "199");
            assertThat(named.getList("suggestions", String.class)).doesNotContain(order);
            bobs.takenOverBy(TestCredentials.customer(aliceId)).send("where is my order?").statusCode(404)
                    .body(not(containsString(order)));
            bobs.takenOverBy(null).send("where is my order?").statusCode(404);
            JsonPath visitor = Shop.visitor().say("where is my order " + order + "? what did it cost?");
            assertThat(visitor.getString("answered_by")).isEqualTo("sign_in");
            assertThat(visitor.getString("reply")).doesNotContain("¥", "199", "2 items");
            // Bob's own session still answers Bob.
            assertThat(bobs.say("and when will it arrive?").getString("reply")).contains(order);
        }
    }

    @Test
    void outOfScopeQuestionsGetTheFallbackThenAHuman() {
        Shop.Chat chat = Shop.visitor();
        JsonPath first = chat.say("What is the capital of Mongolia?");
        assertThat(first.getString("intent")).isEqualTo("out_of_scope");
        assertThat(first.getString("answered_by")).isEqualTo("fallback");
        assertThat((Object) first.get("handoff")).isNull();
        JsonPath second = chat.say("Can you write me a poem about the sea?");
        assertThat(second.getString("handoff.reason")).isEqualTo(SupportHandoff.REPEATED_FALLBACK);
    }

    @Test
    void productQuestionsAreAnsweredFromTheCatalogFeed() throws Exception {
        String id = "band-" + System.nanoTime();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Shop.product(kafka, id, "小米手环8", "249.00", true);
            JsonPath d = awaitReply(Shop.visitor(), "小米手环8还有货吗", "¥249.00");
            assertThat(d.getString("answered_by")).isEqualTo("product");
            assertThat(d.getString("reply")).contains("小米手环8", "¥249.00", "有货");
            assertThat(d.getList("entities.value", String.class)).contains(id);
        }
    }

    @Test
    void aPhoneNumberIsNeverEchoedInFull() throws Exception {
        Shop.Chat chat = Shop.visitor();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail transcripts = kafka.tail(Topics.CHAT_TRANSCRIPTS)) {
            JsonPath d = chat.say("我的手机号是13812345678，帮我改一下收货地址");
            assertThat(d.prettify()).doesNotContain("13812345678");
            assertThat(d.getList("entities.text", String.class)).contains("138****5678");
            ChatTurn t = decode(transcripts.await(1, r -> r.key().equals("a:chat-" + chat.sessionId()), WAIT).getFirst(), ChatTurn.class);
            assertThat(t.text()).contains("138****5678").doesNotContain("13812345678");
        }
    }

    /** Says `text` until the customer's orders are in the store (the reader is asynchronous); returns the last reply. */
    private static JsonPath awaitOrders(Shop.Chat chat, String user, String text, int orders) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            JsonPath probe = Shop.as(user).say("where is my order?");
            if (probe.getList("suggestions").size() >= orders || System.nanoTime() > deadline) {
                return chat.say(text);
            }
            Thread.sleep(200);
        }
    }

    private static JsonPath awaitReply(Shop.Chat chat, String text, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonPath last = chat.say(text);
        while (!last.getString("reply").contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            last = chat.say(text);
        }
        return last;
    }

    private static String english(LocalDate d) {
        return d.format(DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH));
    }

    private static <T> T decode(ConsumerRecord<String, byte[]> r, Class<T> type) {
        if (EventCodec.decode(r.value(), type) instanceof Decoded.Ok<T> ok) {
            return ok.value();
        }
        throw new AssertionError("not a " + type.getSimpleName() + ": " + new String(r.value()));
    }
}
