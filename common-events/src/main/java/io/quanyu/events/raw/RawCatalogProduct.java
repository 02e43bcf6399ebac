package io.quanyu.events.raw;

import io.quanyu.events.data.Money;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** A product as the catalog system sends it on {@code raw.catalog} or {@code POST /v1/catalog/products}. */
public record RawCatalogProduct(@Required String productId, @Required String title, String description,
                                String category, String brand, @Required @Range(min = "0", max = Money.MAX_UNIT_PRICE_TEXT) BigDecimal price, String currency,
                                Boolean inStock) {
}
