package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;

/** One line of an order or refund: product (SKU), quantity, unit price. */
public record OrderLine(@Required String productId, @Required Integer quantity, @Required BigDecimal unitPrice)
        implements Validatable {
    @Override
    public void check(Checks checks) {
        Money.checkQuantity(checks, "quantity", quantity);
        Money.checkPrice(checks, "unit_price", unitPrice);
    }

    /** quantity × unit price. */
    public BigDecimal total() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
