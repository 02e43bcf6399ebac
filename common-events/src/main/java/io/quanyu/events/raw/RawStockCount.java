package io.quanyu.events.raw;

import io.quanyu.events.validation.Required;

/** A stock count on {@code raw.store}; {@code counted_at} is store-local {@code yyyy-MM-dd HH:mm:ss}. */
public record RawStockCount(@Required String storeId, @Required String sku, @Required Integer onHand,
                            @Required String countedAt, String timeZone) {
}
