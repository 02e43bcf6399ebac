package io.quanyu.chatbot.domain.dialogue;

import io.quanyu.chatbot.domain.TurnAnalysis;
import io.quanyu.events.SupportHandoff;
import io.quanyu.chatbot.domain.entity.Entity;
import io.quanyu.chatbot.domain.entity.EntityType;
import io.quanyu.chatbot.domain.faq.FaqHit;
import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.sentiment.Polarity;
import io.quanyu.chatbot.domain.text.Language;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides the reply to a turn from its analysis and the session's state: hand-off first (asked for, angry, or stuck),
 * then orders (slot-filling the order number, remembering it across turns), products, small talk, the FAQ, and
 * otherwise the fallback. Stateless; the state it returns is the session's next.
 */
public final class DialoguePolicy {

    static final Set<String> ORDER_INTENTS = Set.of("order_status", "delivery_time", "cancel_order", "refund", "return_item", "change_address");
    static final Set<String> PRODUCT_INTENTS = Set.of("product_question", "stock");
    static final String PROMOTION = "promotion";
    static final Set<String> SMALLTALK = Set.of("greeting", "thanks", "goodbye");
    static final String HUMAN_AGENT = "human_agent";
    static final String COMPLAINT = "complaint";
    /** A turn at least this negative hands off at once; milder ones only when two come in a row. */
    static final double ANGRY = -0.5;
    static final int NEGATIVE_STREAK = 2;
    static final int FALLBACK_STREAK = 2;
    /** FAQ coverage needed when the intent is in scope, and when nothing else understood the turn. */
    static final double FAQ_IN_SCOPE = 0.35;
    static final double FAQ_OUT_OF_SCOPE = 0.6;
    /** How many of a customer's latest orders a turn is searched for, when no order number pattern matched. */
    static final int RECENT_ORDERS_MATCHED = 20;

    /**
     * Who is talking: their user key, whether it is a signed-in customer (u:) rather than an anonymous chat, and every
     * key of the customer in the identity graph (a store member card, an app device...), the user key first.
     */
    public record Caller(String userKey, boolean known, List<String> keys) {

        public Caller {
            keys = keys == null || keys.isEmpty() ? List.of(userKey) : List.copyOf(keys);
        }

        public Caller(String userKey, boolean known) {
            this(userKey, known, List.of(userKey));
        }
    }

    private final Knowledge knowledge;

    public DialoguePolicy(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    public Decision decide(TurnAnalysis a, String text, DialogueState s, Caller caller, Instant now) {
        Replies r = new Replies(a.language().dominant() == Language.ZH);
        IntentResult intent = a.intent();
        boolean negative = a.sentiment().polarity() == Polarity.NEGATIVE;
        int negatives = negative ? s.negatives() + 1 : 0;
        // The customer's own order ids first: a pattern may match only a piece of one (the digits of "store-3/r-1234567890123").
        String orderEntity = caller.known() && mayMentionAnOrder(intent, s) ? ownOrderIn(text, caller) : null;
        if (orderEntity == null) {
            orderEntity = first(a, EntityType.ORDER_NUMBER);
        }
        String productEntity = Optional.ofNullable(first(a, EntityType.PRODUCT)).orElse(first(a, EntityType.SKU));

        if (HUMAN_AGENT.equals(intent.intent())) {
            return handoff(r, s, SupportHandoff.REQUESTED, orderEntity, negatives);
        }
        // Anger: the turn's score, or the lexicon's alone (strong anger words such as "furious" or 气死), since the
        // review-trained models score product reviews, and a furious chat about a parcel can read as mild to them.
        boolean angry = a.sentiment().score() <= ANGRY || a.sentiment().lexicon() <= ANGRY;
        if (!s.handedOff() && (angry || negative && negatives >= NEGATIVE_STREAK)) {
            return handoff(r, s, SupportHandoff.NEGATIVE_SENTIMENT, orderEntity, negatives);
        }
        String topic = orderTopic(intent, s, orderEntity);
        if (topic != null && !caller.known()) {
            return signIn(r, s, text, topic, negatives);
        }
        if (topic != null && orderEntity == null && s.orderId() != null) {
            // A general question while an order is remembered ("do you take returns within 7 days?") is the FAQ's.
            Optional<FaqHit> general = knowledge.faq(text, FAQ_OUT_OF_SCOPE);
            if (general.isPresent()) {
                return new Decision(general.get().entry().answer(), "faq", List.of(), null, s.orderId(),
                        s.next(s.topic(), s.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
            }
        }
        if (topic != null) {
            return answerOrder(r, s, caller, topic, orderEntity != null ? orderEntity : s.orderId(), negatives, now);
        }
        if (PRODUCT_INTENTS.contains(intent.intent()) || productEntity != null && (intent.outOfScope() || DialogueState.PRODUCT.equals(s.pendingSlot()))) {
            return answerProduct(r, s, productEntity != null ? productEntity : s.productId(), negatives);
        }
        if (PROMOTION.equals(intent.intent())) {
            // A signed-in customer's own coupons; a visitor is told where to find theirs (codes belong to an account).
            List<OfferFacts> offers = caller.known() ? knowledge.liveOffers() : List.of();
            return new Decision(caller.known() ? r.offers(offers) : r.offersSignIn(), "offers", List.of(), null, s.orderId(),
                    s.next(PROMOTION, s.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
        }
        if (SMALLTALK.contains(intent.intent())) {
            return new Decision(r.smalltalk(intent.intent()), "smalltalk", List.of(), null, s.orderId(),
                    s.next(s.topic(), s.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
        }
        Optional<FaqHit> faq = knowledge.faq(text, intent.outOfScope() ? FAQ_OUT_OF_SCOPE : FAQ_IN_SCOPE);
        if (faq.isPresent()) {
            return new Decision(faq.get().entry().answer(), "faq", List.of(), null, s.orderId(),
                    s.next(s.topic(), s.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
        }
        if (COMPLAINT.equals(intent.intent())) {
            String reply = r.zh() ? "很抱歉给您带来不便。请告诉我发生了什么，或者我可以为您转接人工客服。"
                    : "I'm sorry about that. Tell me what happened, or I can put you through to an agent.";
            return new Decision(reply, "complaint", List.of(r.talkToAgent()), null, s.orderId(),
                    s.next(intent.intent(), s.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
        }
        int fallbacks = s.fallbacks() + 1;
        if (fallbacks >= FALLBACK_STREAK && !s.handedOff()) {
            return handoff(r, s, SupportHandoff.REPEATED_FALLBACK, orderEntity, negatives);
        }
        return new Decision(r.fallback(a.language().gibberish()), "fallback", List.of(r.talkToAgent()), null, s.orderId(),
                s.next(s.topic(), s.orderId(), s.pendingSlot(), s.productId(), fallbacks, negatives, s.handedOff()));
    }

    private static boolean mayMentionAnOrder(IntentResult intent, DialogueState s) {
        return intent.outOfScope() || ORDER_INTENTS.contains(intent.intent()) || DialogueState.ORDER_NUMBER.equals(s.pendingSlot());
    }

    /**
     * One of the customer's own order ids written in the text: shops number orders their own way (ml-order-1-242,
     * 2024/000123), which no pattern can know, but the customer's latest orders are a short list to look for.
     */
    private String ownOrderIn(String text, Caller caller) {
        String folded = text.toLowerCase(java.util.Locale.ROOT);
        for (OrderFacts o : knowledge.recentOrders(caller.keys(), RECENT_ORDERS_MATCHED)) {
            if (folded.contains(o.orderId().toLowerCase(java.util.Locale.ROOT))) {
                return o.orderId();
            }
        }
        return null;
    }

    /** The order topic this turn is about: an order intent, or an order number given where one was asked for or alone. */
    private static String orderTopic(IntentResult intent, DialogueState s, String orderEntity) {
        if (ORDER_INTENTS.contains(intent.intent())) {
            return intent.intent();
        }
        if (orderEntity != null && (intent.outOfScope() || DialogueState.ORDER_NUMBER.equals(s.pendingSlot()))) {
            return s.topic() != null && ORDER_INTENTS.contains(s.topic()) ? s.topic() : "order_status";
        }
        return null;
    }

    private Decision answerOrder(Replies r, DialogueState s, Caller caller, String topic, String orderId, int negatives, Instant now) {
        if (orderId == null) {
            List<String> recent = caller.known()
                    ? knowledge.recentOrders(caller.keys(), 3).stream().map(OrderFacts::orderId).toList() : List.of();
            String reply = r.askOrderNumber(!recent.isEmpty());
            if ("delivery_time".equals(topic)) {
                reply = (r.zh() ? "一般下单后2-4个工作日送达。" : "Orders usually arrive within 2-4 working days. ") + reply;
            }
            return new Decision(reply, "slot", recent, null, null,
                    s.next(topic, null, DialogueState.ORDER_NUMBER, s.productId(), 0, negatives, s.handedOff()));
        }
        Optional<OrderFacts> found = knowledge.order(orderId).filter(o -> visibleTo(o, caller));
        if (found.isEmpty()) {
            return new Decision(r.orderNotFound(orderId), "slot", List.of(), null, null,
                    s.next(topic, null, DialogueState.ORDER_NUMBER, s.productId(), 0, negatives, s.handedOff()));
        }
        OrderFacts o = found.get();
        boolean detailed = caller.known() && caller.keys().contains(o.userKey());
        List<String> suggestions = List.of();
        String reply = switch (topic) {
            case "refund", "return_item" -> r.refundStatus(o, now);
            case "cancel_order", "change_address" -> {
                suggestions = List.of(r.talkToAgent());
                yield r.needsAgent(o, topic);
            }
            default -> r.orderStatus(o, now, detailed);
        };
        return new Decision(reply, "order", suggestions, null, o.orderId(),
                s.next(topic, o.orderId(), null, s.productId(), 0, negatives, s.handedOff()));
    }

    /** A signed-in customer sees the orders recorded under any of their keys, never anyone else's. */
    private static boolean visibleTo(OrderFacts o, Caller caller) {
        return caller.known() && caller.keys().contains(o.userKey());
    }

    /**
     * An order question from a chat nobody signed in to: naming an order number proves nothing, so no order is looked
     * up. A general answer from the FAQ still helps ("how long does delivery take?"); otherwise the customer is asked to
     * sign in.
     */
    private Decision signIn(Replies r, DialogueState s, String text, String topic, int negatives) {
        Optional<FaqHit> general = knowledge.faq(text, FAQ_OUT_OF_SCOPE);
        if (general.isPresent()) {
            return new Decision(general.get().entry().answer(), "faq", List.of(), null, null,
                    s.next(s.topic(), null, null, s.productId(), 0, negatives, s.handedOff()));
        }
        return new Decision(r.signIn(), "sign_in", List.of(), null, null, s.next(topic, null, null, s.productId(), 0, negatives, s.handedOff()));
    }

    private Decision answerProduct(Replies r, DialogueState s, String productId, int negatives) {
        if (productId == null) {
            return new Decision(r.askProduct(), "slot", List.of(), null, s.orderId(),
                    s.next("product_question", s.orderId(), DialogueState.PRODUCT, null, 0, negatives, s.handedOff()));
        }
        Optional<ProductFacts> p = knowledge.product(productId);
        if (p.isEmpty()) {
            return new Decision(r.unknownProduct(), "slot", List.of(), null, s.orderId(),
                    s.next("product_question", s.orderId(), DialogueState.PRODUCT, null, 0, negatives, s.handedOff()));
        }
        List<ProductFacts> similar = knowledge.similar(productId, 3);
        return new Decision(r.product(p.get(), similar), "product", similar.stream().map(ProductFacts::name).toList(), null, s.orderId(),
                s.next("product_question", s.orderId(), null, productId, 0, negatives, s.handedOff()));
    }

    private static Decision handoff(Replies r, DialogueState s, String reason, String orderEntity, int negatives) {
        String orderId = orderEntity != null ? orderEntity : s.orderId();
        if (s.handedOff()) {
            return new Decision(r.waitingForAgent(), "handoff", List.of(), null, orderId,
                    s.next(s.topic(), orderId, null, s.productId(), 0, negatives, true));
        }
        return new Decision(r.handoff(reason), "handoff", List.of(), reason, orderId,
                s.next(s.topic(), orderId, null, s.productId(), 0, negatives, true));
    }

    private static String first(TurnAnalysis a, EntityType type) {
        for (Entity e : a.entities()) {
            if (e.type() == type) {
                return e.value();
            }
        }
        return null;
    }
}
