package io.quanyu.events;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;
import java.time.Instant;

/** A catalog product on {@code catalog.products.v1} (compacted, key = product id; a null value deletes it). */
public record Product(
        @Required String productId,
        @Required String title,
        String description,
        String category,
        String brand,
        @Range(min = "0", max = io.quanyu.events.data.Money.MAX_UNIT_PRICE_TEXT) BigDecimal price,
        String currency,
        Boolean inStock,
        Instant updatedAt) {
}
