package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/**
 * A stock alert on {@code inventory.alerts.v1} (key = {@code sku|store}): published once when it opens and once when
 * it is resolved, never again while it stays open.
 *
 * @param type           {@code stockout_risk} (on hand below the service-level quantile of this week's demand),
 *                       {@code below_reorder_point} (order now) or {@code overstock}
 * @param status         {@code open} or {@code resolved}
 * @param onHand         the latest counted units on hand
 * @param threshold      the level that was crossed (quantile, reorder point or overstock bound)
 * @param suggestedOrder what the replenishment policy would order now (0 for overstock and when resolved)
 * @param message        the reason in words
 * @param openedAt       when the alert opened
 * @param at             when this record was published
 */
public record InventoryAlert(@Required String sku, @Required String store, @Required String type, @Required String status,
                             double onHand, double threshold, double suggestedOrder, String message, @Required Instant openedAt,
                             @Required Instant at) {

    public static final String STOCKOUT_RISK = "stockout_risk";
    public static final String BELOW_REORDER_POINT = "below_reorder_point";
    public static final String OVERSTOCK = "overstock";
    public static final String OPEN = "open";
    public static final String RESOLVED = "resolved";
}
