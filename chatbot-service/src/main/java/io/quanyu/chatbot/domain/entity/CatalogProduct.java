package io.quanyu.chatbot.domain.entity;

import java.util.List;
import java.util.Objects;

/** A product the chatbot can recognise: id, SKU (may be null), display name and other names (Chinese, short forms). */
public record CatalogProduct(String productId, String sku, String name, List<String> aliases) {

    public CatalogProduct {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    public CatalogProduct(String productId, String sku, String name) {
        this(productId, sku, name, List.of());
    }
}
