package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import io.quanyu.events.Json;
import io.quanyu.events.Product;
import io.quanyu.events.raw.RawCatalogProduct;
import java.util.List;

/** The product catalog: each message is the latest state of one product, for the compacted catalog topic. */
public final class CatalogAdapter implements ChannelAdapter {

    @Override
    public Channel channel() {
        return Channel.CATALOG;
    }

    @Override
    public List<Outcome> adapt(ObjectNode message, AdapterContext ctx) {
        RawCatalogProduct p = ctx.decode(message, RawCatalogProduct.class, "");
        Product product = new Product(p.productId(), p.title(), p.description(), p.category(), p.brand(), p.price(),
                p.currency() == null ? "CNY" : p.currency(), p.inStock() == null ? Boolean.TRUE : p.inStock(), ctx.receivedAt());
        return List.of(new Outcome.Catalog(ctx.decode(Json.MAPPER.valueToTree(product), Product.class, "")));
    }
}
