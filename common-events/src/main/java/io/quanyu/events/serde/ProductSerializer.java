package io.quanyu.events.serde;

import io.quanyu.events.Product;

/** Kafka serializer for {@link Product}, named for configuration by class name. */
public final class ProductSerializer extends JsonSerializer<Product> {
}
