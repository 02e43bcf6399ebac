package io.quanyu.forecast.domain.inventory;

/**
 * A replenishment policy for one SKU × store: at each review, when the inventory position (on hand + on order −
 * backorders) is below the reorder point, order at least {@code orderQuantity} and at least enough to reach it.
 *
 * @param expectedWeeklyDemand   mean forecast demand per week over the forecast horizon
 * @param protectionDemand       expected demand over lead time + review period
 * @param safetyStock            reorder point minus protection demand: the buffer against forecast error
 * @param reorderPoint           quantile of protection-period demand at the target service level
 * @param orderQuantity          economic order quantity within the min/max limits (0 = order up to the reorder point)
 * @param overstockLevel         inventory position above which stock is excess
 */
public record Policy(String seriesKey, double serviceLevel, double expectedWeeklyDemand, double protectionDemand,
                     double safetyStock, double reorderPoint, double orderQuantity, double overstockLevel) {

    /** How much to order now for a given inventory position. */
    public double orderFor(double inventoryPosition) {
        if (inventoryPosition >= reorderPoint) {
            return 0;
        }
        return Math.max(orderQuantity, reorderPoint - inventoryPosition);
    }
}
