package io.quanyu.events.raw;

import io.quanyu.events.data.Money;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** A stock count on {@code raw.store}; {@code counted_at} is store-local {@code yyyy-MM-dd HH:mm:ss}. */
public record RawStockCount(@Required String storeId, @Required String sku, @Required @Range(min = "0", max = Money.MAX_ON_HAND_TEXT) Integer onHand,
                            @Required String countedAt, String timeZone) {
}
