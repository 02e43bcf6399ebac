package io.quanyu.events;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;
import java.math.BigDecimal;
import java.time.Instant;

/** A catalog product on {@code catalog.products.v1} (compacted, key = product id; a null value deletes it). */
public record Product(
        @Required String productId,
        @Required String title,
        String description,
        String category,
        String brand,
        BigDecimal price,
        String currency,
        Boolean inStock,
        Instant updatedAt) implements Validatable {

    @Override
    public void check(Checks checks) {
        checks.nonNegative("price", price);
        checks.atMost("price", price, io.quanyu.events.data.Money.MAX_UNIT_PRICE);
    }
}
