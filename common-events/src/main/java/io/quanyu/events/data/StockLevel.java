package io.quanyu.events.data;

import io.quanyu.events.validation.Checks;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validatable;

/** Units on hand of a SKU in a store at the event time. */
public record StockLevel(@Required String storeId, @Required String sku, @Required Integer onHand)
        implements EventData, Validatable {
    @Override
    public void check(Checks checks) {
        checks.nonNegative("on_hand", onHand);
    }
}
