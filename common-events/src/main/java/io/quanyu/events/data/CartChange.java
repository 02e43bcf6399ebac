package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** A product added to or removed from the cart ({@code add_to_cart}, {@code remove_from_cart}). */
public record CartChange(@Required String productId, @Required @Range(min = "1", max = Money.MAX_QUANTITY_TEXT) Integer quantity,
                         @Range(min = "0", max = Money.MAX_UNIT_PRICE_TEXT) BigDecimal unitPrice) implements EventData {
}
