package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;
import java.util.List;

/** Money returned for (part of) an order. */
public record Refund(@Required String orderId, List<OrderLine> lines, @Required @Range(min = "0", max = Money.MAX_AMOUNT_TEXT) BigDecimal amount,
                     @Required String currency, String reason) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Currency.check(checks, "currency", currency);
    }
}
