package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;
import java.util.List;

/** Money returned for (part of) an order. */
public record Refund(@Required String orderId, List<OrderLine> lines, @Required BigDecimal amount,
                     @Required String currency, String reason) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.nonNegative("amount", amount);
        Currency.check(checks, "currency", currency);
    }
}
