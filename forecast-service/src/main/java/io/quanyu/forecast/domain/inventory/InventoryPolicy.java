package io.quanyu.forecast.domain.inventory;

import io.quanyu.forecast.domain.Forecast;

/**
 * Derives the replenishment policy from a forecast: the reorder point is the target-service quantile of demand over
 * lead time + review period, taken from the backtest error distribution of demand sums (no normality assumed);
 * the order quantity is the EOQ, clamped to the order limits.
 */
public final class InventoryPolicy {

    private InventoryPolicy() {
    }

    public static Policy compute(Forecast forecast, PolicyParameters p) {
        int horizon = forecast.horizon();
        if (horizon == 0) {
            throw new IllegalArgumentException("the forecast has no periods");
        }
        int weeks = p.protectionWeeks();
        int covered = Math.min(weeks, horizon);
        double weekly = forecast.cumulativeForecast(horizon) / horizon;
        double extra = (weeks - covered) * weekly;
        double coveredMean = forecast.cumulativeForecast(covered);
        double coveredQuantile = forecast.cumulativeQuantile(covered, p.serviceLevel());
        // beyond the forecast horizon, scale the covered quantile with the demand it must cover (errors are relative)
        double quantile = coveredMean > 0 ? coveredQuantile * (coveredMean + extra) / coveredMean
                : coveredQuantile + extra;
        double mean = coveredMean + extra;
        double reorderPoint = Math.max(quantile, mean);
        double safety = reorderPoint - mean;
        double q = economicOrderQuantity(weekly, p.orderingCost(), p.holdingCostPerWeek());
        q = Math.max(p.minOrder(), Math.min(p.maxOrder(), q));
        double overstock = reorderPoint + Math.max(q, weekly * p.overstockWeeks());
        return new Policy(forecast.seriesKey(), p.serviceLevel(), weekly, mean, safety, reorderPoint, q, overstock);
    }

    /** sqrt(2 D K / h) with D and h per week; 0 when ordering is free, unbounded-safe when holding is free. */
    public static double economicOrderQuantity(double weeklyDemand, double orderingCost, double holdingPerWeek) {
        if (orderingCost <= 0 || weeklyDemand <= 0) {
            return 0;
        }
        if (holdingPerWeek <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.sqrt(2 * weeklyDemand * orderingCost / holdingPerWeek);
    }
}
