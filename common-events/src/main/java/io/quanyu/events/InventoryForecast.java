package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * A demand forecast on {@code inventory.forecasts.v1} (compacted, key = {@code sku|store}): weekly units of one SKU at
 * one store, or at every store together when {@code store} is {@link #ALL_STORES}, with the median and central 80 %
 * and 95 % intervals. Weeks are ISO weeks in UTC; the first point is the week the forecast was made in.
 *
 * @param sku           the SKU (the product id of the order lines)
 * @param store         the store id, {@code online} for orders without one, or {@code all}
 * @param model         the model the automatic selection chose
 * @param backtestMase  its rolling-origin backtest MASE; absent when the history is too short to backtest
 * @param historyWeeks  weeks from the first week with sales to the last complete week (gaps included)
 * @param observedWeeks weeks with sales among them
 * @param points        one per week ahead, nearest first
 * @param generatedAt   when it was computed
 */
public record InventoryForecast(@Required String sku, @Required String store, @Required String model, Double backtestMase,
                                int historyWeeks, int observedWeeks, @Required List<Point> points, @Required Instant generatedAt) {

    /** The {@code store} of the forecast of a SKU's demand summed over every store. */
    public static final String ALL_STORES = "all";

    /** The record key: {@code sku|store}. */
    public static String key(String sku, String store) {
        return sku + "|" + store;
    }

    /**
     * One forecast week.
     *
     * @param week      ISO week, e.g. {@code 2026-W07}
     * @param weekStart its Monday, 00:00 UTC
     * @param horizon   weeks ahead, 1 = the current week
     * @param forecast  the chosen model's point forecast (the value MASE scores)
     * @param p50       median
     */
    public record Point(@Required String week, @Required Instant weekStart, int horizon, double forecast, double p50,
                        double lower80, double upper80, double lower95, double upper95) {
    }

    public InventoryForecast {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
