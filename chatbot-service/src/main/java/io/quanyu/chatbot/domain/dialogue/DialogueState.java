package io.quanyu.chatbot.domain.dialogue;

/**
 * What a session remembers between turns: the topic and order under discussion, a slot the bot asked for, the
 * product last talked about, and the streaks (fallbacks, negative turns) that decide a hand-off.
 *
 * @param topic        the intent being served across turns (e.g. order_status), or null
 * @param orderId      the order under discussion, or null
 * @param pendingSlot  {@link #ORDER_NUMBER} or {@link #PRODUCT} when the last reply asked for it, else null
 * @param productId    the product last talked about, or null
 * @param fallbacks    consecutive turns the bot could not answer
 * @param negatives    consecutive turns with negative sentiment
 * @param handedOff    a human has been asked to take over
 * @param turns        turns so far
 */
public record DialogueState(String topic, String orderId, String pendingSlot, String productId, int fallbacks, int negatives,
                            boolean handedOff, int turns) {

    public static final String ORDER_NUMBER = "order_number";
    public static final String PRODUCT = "product";

    public static DialogueState fresh() {
        return new DialogueState(null, null, null, null, 0, 0, false, 0);
    }

    DialogueState next(String newTopic, String newOrderId, String newPending, String newProductId, int newFallbacks, int newNegatives,
                       boolean newHandedOff) {
        return new DialogueState(newTopic, newOrderId, newPending, newProductId, newFallbacks, newNegatives, newHandedOff, turns + 1);
    }
}
