package io.quanyu.chatbot.domain.dialogue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.chatbot.domain.ChatbotNlp;
import io.quanyu.chatbot.domain.SeedData;
import io.quanyu.chatbot.domain.entity.Catalog;
import io.quanyu.chatbot.domain.entity.CatalogProduct;
import io.quanyu.chatbot.domain.faq.FaqHit;
import io.quanyu.chatbot.domain.faq.FaqIndex;
import io.quanyu.chatbot.domain.sentiment.BundledSentiment;
import io.quanyu.chatbot.domain.sentiment.SentimentAnalyzer;
import io.quanyu.chatbot.domain.sentiment.SentimentLexicon;
import io.quanyu.events.SupportHandoff;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Multi-turn conversations through the real NLP core and the policy, with orders and products held in memory. */
class DialoguePolicyTest {

    private static final Instant NOW = Instant.parse("2024-11-20T04:00:00Z"); // Wednesday, noon in Shanghai
    private static final ChatbotNlp NLP = ChatbotNlp.fromSeeds()
            .withCatalog(Catalog.of(List.of(new CatalogProduct("p-band8", "SKU-1001", "小米手环8", List.of("Mi Band 8")))));
    private static final OrderFacts ALICE_ORDER = new OrderFacts("DD20241118001", "u:alice", Instant.parse("2024-11-18T02:00:00Z"),
            new BigDecimal("199.00"), "CNY", 2, null, BigDecimal.ZERO, null);
    private static final OrderFacts ALICE_REFUNDED = new OrderFacts("DD20241101007", "u:alice", Instant.parse("2024-11-01T02:00:00Z"),
            new BigDecimal("59.90"), "CNY", 1, null, new BigDecimal("59.90"), Instant.parse("2024-11-05T02:00:00Z"));
    private static final OrderFacts ALICE_SHOP_NUMBERED = new OrderFacts("ml-order-7-242", "u:alice", Instant.parse("2024-11-19T02:00:00Z"),
            new BigDecimal("30.00"), "CNY", 1, null, BigDecimal.ZERO, null);
    private static final OrderFacts ALICE_IN_STORE = new OrderFacts("store-9/r-77", "a:card:alice-card", Instant.parse("2024-11-10T02:00:00Z"),
            new BigDecimal("88.00"), "CNY", 3, "store-9", BigDecimal.ZERO, null);
    private static final OrderFacts BOB_ORDER = new OrderFacts("DD20241119002", "u:bob", Instant.parse("2024-11-19T02:00:00Z"),
            new BigDecimal("10.00"), "CNY", 1, null, BigDecimal.ZERO, null);

    private final InMemory knowledge = new InMemory();
    private final DialoguePolicy policy = new DialoguePolicy(knowledge);
    private final DialoguePolicy.Caller alice = new DialoguePolicy.Caller("u:alice", true);

    @Test
    void promotionQuestionsAreAnsweredFromTheCustomersLiveCoupons() {
        knowledge.offers = List.of(new OfferFacts("K7Q2ZP9M4XWD", "Cart rescue", "percentage", new BigDecimal("10"), null, "CNY",
                        Instant.parse("2024-11-27T15:59:00Z")),
                new OfferFacts("M3T8QW2R6YHE", "Spend 200", "threshold", new BigDecimal("30"), new BigDecimal("200"), "CNY", null));
        // The seeds' own example question.
        Decision zh = new Conversation(alice).say("你的商品有优惠券吗？");
        assertThat(zh.answeredBy()).isEqualTo("offers");
        assertThat(zh.reply()).contains("2 张", "9折", "K7Q2ZP9M4XWD", "11月27日", "满200减30", "M3T8QW2R6YHE");
        Decision en = new Conversation(alice).say("do you have any coupons for me?");
        assertThat(en.answeredBy()).isEqualTo("offers");
        assertThat(en.reply()).contains("2 coupons", "10% off, code K7Q2ZP9M4XWD, until Wed 27 Nov", "30 CNY off when you spend 200 CNY");

        knowledge.offers = List.of();
        assertThat(new Conversation(alice).say("有优惠券吗").reply()).contains("暂时没有可用的优惠券");
        // A visitor has no account to hold codes: never anyone's coupons, whatever the knowledge holds.
        knowledge.offers = List.of(new OfferFacts("SOMEONE-ELSES", "x", "fixed_amount", BigDecimal.TEN, null, "CNY", null));
        Decision visitor = new Conversation(new DialoguePolicy.Caller("a:chat-s1", false)).say("有优惠券吗");
        assertThat(visitor.answeredBy()).isEqualTo("offers");
        assertThat(visitor.reply()).contains("请先登录").doesNotContain("SOMEONE-ELSES");
    }

    @Test
    void englishOrderConversationAsksForTheNumberThenRemembersIt() {
        Conversation c = new Conversation(alice);
        Decision ask = c.say("Where is my order?");
        assertThat(ask.answeredBy()).isEqualTo("slot");
        assertThat(ask.suggestions()).containsExactly("DD20241118001", "DD20241101007", "ml-order-7-242");
        assertThat(c.state.pendingSlot()).isEqualTo(DialogueState.ORDER_NUMBER);

        Decision status = c.say("it's DD20241118001");
        assertThat(status.answeredBy()).isEqualTo("order");
        assertThat(status.orderId()).isEqualTo("DD20241118001");
        // Paid Monday 18 Nov; 2-4 working days is Wednesday 20 to Friday 22 November.
        assertThat(status.reply()).contains("DD20241118001", "¥199.00", "2 items", "on its way", "Wed 20 Nov", "Fri 22 Nov");

        Decision policy = c.say("What is your return policy?");
        assertThat(policy.answeredBy()).isEqualTo("faq");
        assertThat(c.state.orderId()).isEqualTo("DD20241118001");

        Decision refund = c.say("Can I get a refund?");
        assertThat(refund.orderId()).isEqualTo("DD20241118001");
        assertThat(refund.reply()).contains("no refund on order DD20241118001");
    }

    @Test
    void chineseOrderConversationAnswersTheRealStatusAndKeepsTheTopic() {
        Conversation c = new Conversation(alice);
        assertThat(c.say("我的订单到哪了？").answeredBy()).isEqualTo("slot");
        Decision status = c.say("订单号是DD20241101007");
        assertThat(status.answeredBy()).isEqualTo("order");
        assertThat(status.reply()).contains("DD20241101007", "已全额退款", "¥59.90", "11月5日");
        assertThat(c.state.topic()).isIn("order_status", "delivery_time");
        assertThat(c.state.orderId()).isEqualTo("DD20241101007");
    }

    @Test
    void aCustomersOwnOrderIdIsRecognisedWhateverItsFormat() {
        Conversation c = new Conversation(alice);
        c.say("我的订单到哪了？");
        Decision d = c.say("ML-ORDER-7-242");
        assertThat(d.answeredBy()).isEqualTo("order");
        assertThat(d.orderId()).isEqualTo("ml-order-7-242");
        // Bob's orders are not searched for Alice, and Alice's ids only for Alice.
        assertThat(new Conversation(new DialoguePolicy.Caller("u:bob", true)).say("where is ml-order-7-242?").orderId()).isNull();
    }

    @Test
    void aStoreReceiptOnTheCustomersMemberCardIsTheirs() {
        DialoguePolicy.Caller withCard = new DialoguePolicy.Caller("u:alice", true, List.of("u:alice", "a:card:alice-card"));
        Decision d = new Conversation(withCard).say("where is my order store-9/r-77?");
        assertThat(d.answeredBy()).isEqualTo("order");
        assertThat(d.reply()).contains("store store-9", "¥88.00");
        // Without the identity link the receipt is someone else's as far as the bot can tell.
        assertThat(new Conversation(alice).say("where is my order store-9/r-77?").orderId()).isNull();
    }

    @Test
    void anotherCustomersOrderIsNotFoundAndAnonymousChatsAreAskedToSignIn() {
        Decision d = new Conversation(alice).say("Where is my order DD20241119002?");
        assertThat(d.reply()).contains("can't find order DD20241119002");
        assertThat(d.orderId()).isNull();

        Conversation anonymous = new Conversation(new DialoguePolicy.Caller("a:chat-1", false));
        Decision named = anonymous.say("Where is my order DD20241118001?");
        assertThat(named.answeredBy()).isEqualTo("sign_in");
        assertThat(named.reply()).contains("sign in").doesNotContain("DD20241118001", "¥", "on its way");
        assertThat(named.orderId()).isNull();
        Decision refund = anonymous.say("has my refund for DD20241118001 come through?");
        assertThat(refund.reply()).doesNotContain("¥", "DD20241118001");
        assertThat(anonymous.state.orderId()).isNull();
    }

    @Test
    void anAngryCustomerIsHandedOffOnTheTopic() {
        Conversation c = new Conversation(alice);
        c.say("Where is my order DD20241118001?");
        Decision angry = c.say("This is terrible, the worst service ever, I am so angry!");
        assertThat(angry.handoffReason()).isEqualTo(SupportHandoff.NEGATIVE_SENTIMENT);
        assertThat(angry.orderId()).isEqualTo("DD20241118001");
        assertThat(c.state.handedOff()).isTrue();
        // No second ticket for the same session.
        assertThat(c.say("我要转人工").handoffReason()).isNull();
    }

    @Test
    void anExplicitRequestHandsOffInChinese() {
        Decision d = new Conversation(alice).say("帮我转人工客服");
        assertThat(d.handoffReason()).isEqualTo(SupportHandoff.REQUESTED);
        assertThat(d.reply()).contains("人工客服");
    }

    @Test
    void outOfScopeGetsTheFallbackAndASecondOneHandsOff() {
        Conversation c = new Conversation(alice);
        Decision first = c.say("What is the capital of Mongolia?");
        assertThat(first.answeredBy()).isEqualTo("fallback");
        assertThat(first.handoff()).isFalse();
        Decision second = c.say("Can you write me a poem about the sea?");
        assertThat(second.handoffReason()).isEqualTo(SupportHandoff.REPEATED_FALLBACK);
    }

    @Test
    void anAnsweredTurnResetsTheFallbackStreak() {
        Conversation c = new Conversation(alice);
        c.say("What is the capital of Mongolia?");
        c.say("hello");
        assertThat(c.say("Can you write me a poem about the sea?").handoff()).isFalse();
    }

    @Test
    void productQuestionsUseTheCatalogAndSimilarItems() {
        Decision d = new Conversation(alice).say("小米手环8还有货吗");
        assertThat(d.answeredBy()).isEqualTo("product");
        assertThat(d.reply()).contains("小米手环8", "¥249.00", "有货", "华为手环9");
        assertThat(d.suggestions()).containsExactly("华为手环9");
    }

    @Test
    void faqQuestionsAreAnsweredFromTheKnowledgeBase() {
        Decision d = new Conversation(alice).say("What payment methods do you accept?");
        assertThat(d.answeredBy()).isEqualTo("faq");
        assertThat(d.reply()).isEqualTo(SeedData.faq().stream().filter(f -> f.id().equals("payment-methods-en")).findFirst().orElseThrow().answer());
    }

    @Test
    void deliveryWindowSkipsTheWeekend() {
        // Paid Thursday 21 Nov: +2 working days is Monday 25, +4 is Wednesday 27.
        OrderFacts o = new OrderFacts("X1", "u:a", Instant.parse("2024-11-21T02:00:00Z"), BigDecimal.ONE, "CNY", 1, null, null, null);
        assertThat(OrderStatus.earliestDelivery(o)).isEqualTo(LocalDate.of(2024, 11, 25));
        assertThat(OrderStatus.latestDelivery(o)).isEqualTo(LocalDate.of(2024, 11, 27));
        assertThat(o.status(Instant.parse("2024-11-21T10:00:00Z"))).isEqualTo(OrderStatus.PROCESSING);
        assertThat(o.status(Instant.parse("2024-11-26T02:00:00Z"))).isEqualTo(OrderStatus.IN_TRANSIT);
        assertThat(o.status(Instant.parse("2024-11-28T02:00:00Z"))).isEqualTo(OrderStatus.DUE);
    }

    /** A session: each turn analysed by the real NLP core and decided by the policy. */
    @Test
    void furiousWordsHandOffEvenWhenTheReviewModelReadsTheTurnAsMild() {
        // The bundled English model (product reviews) reads this furious chat as mildly negative; the lexicon does not.
        ChatbotNlp served = NLP.withSentiment(new SentimentAnalyzer(SentimentLexicon.bundled(), BundledSentiment.loadAll()));
        String text = "This is terrible! Your delivery never came, I am furious, I want to complain to a human now!";
        var analysis = served.analyze(text, LocalDate.of(2024, 11, 20));
        assertThat(analysis.sentiment().score()).as("the blended score alone is above the anger line").isGreaterThan(DialoguePolicy.ANGRY);
        Decision d = policy.decide(analysis, text, DialogueState.fresh(), alice, NOW);
        assertThat(d.handoffReason()).isEqualTo(SupportHandoff.NEGATIVE_SENTIMENT);
        String calm = "Where is my order? It has not arrived yet.";
        assertThat(policy.decide(served.analyze(calm, LocalDate.of(2024, 11, 20)), calm, DialogueState.fresh(), alice, NOW).handoffReason()).isNull();
    }

    private final class Conversation {
        private final DialoguePolicy.Caller caller;
        private DialogueState state = DialogueState.fresh();

        Conversation(DialoguePolicy.Caller caller) {
            this.caller = caller;
        }

        Decision say(String text) {
            Decision d = policy.decide(NLP.analyze(text, LocalDate.of(2024, 11, 20)), text, state, caller, NOW);
            state = d.state();
            return d;
        }
    }

    /** Orders, products and the seed FAQ held in memory. */
    private static final class InMemory implements Knowledge {
        private List<OfferFacts> offers = List.of();
        private final FaqIndex faq = FaqIndex.build(SeedData.faq());
        private final Map<String, ProductFacts> products = Map.of(
                "p-band8", new ProductFacts("p-band8", "小米手环8", new BigDecimal("249.00"), "CNY", true, "wearables"),
                "p-hw9", new ProductFacts("p-hw9", "华为手环9", new BigDecimal("269.00"), "CNY", true, "wearables"));

        @Override
        public Optional<OrderFacts> order(String orderId) {
            return List.of(ALICE_ORDER, ALICE_REFUNDED, ALICE_SHOP_NUMBERED, ALICE_IN_STORE, BOB_ORDER).stream().filter(o -> o.orderId().equalsIgnoreCase(orderId)).findFirst();
        }

        @Override
        public List<OrderFacts> recentOrders(List<String> userKeys, int limit) {
            List<OrderFacts> out = new ArrayList<>();
            for (OrderFacts o : List.of(ALICE_ORDER, ALICE_REFUNDED, ALICE_SHOP_NUMBERED, ALICE_IN_STORE, BOB_ORDER)) {
                if (userKeys.contains(o.userKey())) {
                    out.add(o);
                }
            }
            return out.subList(0, Math.min(limit, out.size()));
        }

        @Override
        public Optional<ProductFacts> product(String productId) {
            return Optional.ofNullable(products.get(productId));
        }

        @Override
        public List<ProductFacts> similar(String productId, int limit) {
            return productId.equals("p-band8") ? List.of(products.get("p-hw9")) : List.of();
        }

        @Override
        public Optional<FaqHit> faq(String text, double minCoverage) {
            return faq.best(text, minCoverage);
        }

        @Override
        public List<OfferFacts> liveOffers() {
            return offers;
        }
    }
}
