package io.quanyu.chatbot.domain.dialogue;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An order as the event stream tells it: the purchase, and refunds summed. The stream has no shipping events, so
 * delivery is estimated from the order time with the published delivery promise (see {@link OrderStatus}).
 *
 * @param userKey   the user key the purchase was recorded under
 * @param storeId   set for a POS receipt (bought in a store)
 * @param items     units in the order
 * @param refunded  total refunded so far (zero when none)
 * @param refundedAt the latest refund, or null
 */
public record OrderFacts(String orderId, String userKey, Instant placedAt, BigDecimal amount, String currency, int items, String storeId,
                         BigDecimal refunded, Instant refundedAt) {

    public OrderFacts {
        refunded = refunded == null ? BigDecimal.ZERO : refunded;
    }

    public OrderStatus status(Instant now) {
        return OrderStatus.of(this, now);
    }
}
