package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;

/** A product added to or removed from the cart ({@code add_to_cart}, {@code remove_from_cart}). */
public record CartChange(@Required String productId, @Required Integer quantity, BigDecimal unitPrice)
        implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Money.checkQuantity(checks, "quantity", quantity);
        Money.checkPrice(checks, "unit_price", unitPrice);
    }
}
