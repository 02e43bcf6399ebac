package io.quanyu.events.data;

import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;

/** Units on hand of a SKU in a store at the event time. */
public record StockLevel(@Required String storeId, @Required String sku, @Required @Range(min = "0", max = Money.MAX_ON_HAND_TEXT) Integer onHand)
        implements EventData {
}
