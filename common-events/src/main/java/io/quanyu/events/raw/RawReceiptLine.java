package io.quanyu.events.raw;

import io.quanyu.events.data.Money;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** One line of a POS receipt. */
public record RawReceiptLine(@Required String sku, @Required @Range(min = "1", max = Money.MAX_QUANTITY_TEXT) Integer qty,
                             @Required @Range(min = "0", max = Money.MAX_UNIT_PRICE_TEXT) BigDecimal unitPrice) {
}
