package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;

/** A product detail seen. */
public record ProductView(@Required String productId, String category, BigDecimal price) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Money.checkPrice(checks, "price", price);
    }
}
