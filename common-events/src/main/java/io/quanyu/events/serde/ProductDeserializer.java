package io.quanyu.events.serde;

import io.quanyu.events.Product;

/** Kafka deserializer for {@link Product}, validating as it reads. */
public final class ProductDeserializer extends JsonDeserializer<Product> {

    public ProductDeserializer() {
        super(Product.class);
    }
}
