package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;
import java.util.List;

/** A completed order; {@code storeId} is set for POS receipts. */
public record Purchase(@Required String orderId, @Required List<OrderLine> lines, @Required BigDecimal amount,
                       @Required String currency, String storeId) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.nonNegative("amount", amount);
        Currency.check(checks, "currency", currency);
    }
}
