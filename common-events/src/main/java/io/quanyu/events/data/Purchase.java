package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;
import java.util.List;

/** A completed order; {@code storeId} is set for POS receipts. */
public record Purchase(@Required String orderId, @Required List<OrderLine> lines, @Required @Range(min = "0", max = Money.MAX_AMOUNT_TEXT) BigDecimal amount,
                       @Required String currency, String storeId) implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        Currency.check(checks, "currency", currency);
    }
}
