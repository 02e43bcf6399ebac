package io.quanyu.forecast.domain.inventory;

/**
 * An inventory alert for one SKU × store.
 *
 * @param position       inventory position (on hand + on order) when evaluated
 * @param threshold      the level that was crossed
 * @param suggestedOrder what the policy would order now (0 for overstock)
 */
public record StockAlert(String seriesKey, Type type, double position, double threshold, double suggestedOrder,
                         String message) {

    /** What is wrong. */
    public enum Type {
        /** On-hand stock may not last the coming week at the target service level. */
        STOCKOUT_RISK,
        /** After the coming week's expected demand the position will be under the reorder point: order now. */
        BELOW_REORDER_POINT,
        /** The position exceeds the overstock bound: excess stock ties up capital and risks spoilage. */
        OVERSTOCK
    }
}
