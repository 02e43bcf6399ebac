package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;
import java.math.BigDecimal;

/** A product as the catalog system sends it on {@code raw.catalog} or {@code POST /v1/catalog/products}. */
public record RawCatalogProduct(@Required String productId, @Required String title, String description,
                                String category, String brand, @Required BigDecimal price, String currency,
                                Boolean inStock) {
}
