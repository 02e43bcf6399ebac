package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** A product detail seen. */
public record ProductView(@Required String productId, String category,
                          @Range(min = "0", max = Money.MAX_UNIT_PRICE_TEXT) BigDecimal price) implements EventData {
}
