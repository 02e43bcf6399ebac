package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** One line of a POS receipt. */
public record RawReceiptLine(@Required String sku, @Required Integer qty, @Required BigDecimal unitPrice) {
}
