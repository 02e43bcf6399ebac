package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** One line of an order or refund: product (SKU), quantity, unit price. */
public record OrderLine(@Required String productId, @Required @Range(min = "1", max = Money.MAX_QUANTITY_TEXT) Integer quantity,
                        @Required @Range(min = "0", max = Money.MAX_UNIT_PRICE_TEXT) BigDecimal unitPrice) {

    /** quantity × unit price. */
    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
