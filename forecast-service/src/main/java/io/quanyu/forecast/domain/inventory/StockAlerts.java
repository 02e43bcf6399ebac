package io.quanyu.forecast.domain.inventory;

import io.quanyu.forecast.domain.Forecast;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides which alerts a stock level raises, given the item's policy and forecast. */
public final class StockAlerts {

    private StockAlerts() {
    }

    /**
     * @param onHand  units on the shelf and in the back room (negative = backorders)
     * @param onOrder units ordered and not yet received
     */
    public static List<StockAlert> evaluate(Policy policy, Forecast forecast, double onHand, double onOrder) {
        List<StockAlert> out = new ArrayList<>();
        double position = onHand + onOrder;
        double nextWeek = forecast.horizon() > 0 ? forecast.cumulativeForecast(1) : policy.expectedWeeklyDemand();
        double projected = position - nextWeek;
        if (forecast.horizon() > 0) {
            double upper = forecast.quantile(1, policy.serviceLevel());
            if (onHand < upper) {
                out.add(new StockAlert(policy.seriesKey(), StockAlert.Type.STOCKOUT_RISK, position, upper,
                        policy.orderFor(position), String.format(Locale.ROOT,
                                "on hand %.0f is below the %.0f %% quantile of next week's demand (%.0f)", onHand,
                                100 * policy.serviceLevel(), upper)));
            }
        }
        if (projected < policy.reorderPoint()) {
            out.add(new StockAlert(policy.seriesKey(), StockAlert.Type.BELOW_REORDER_POINT, position,
                    policy.reorderPoint(), policy.orderFor(position), String.format(Locale.ROOT,
                            "projected position %.0f after next week's expected demand is below the reorder point %.0f",
                            projected, policy.reorderPoint())));
        }
        if (position > policy.overstockLevel()) {
            out.add(new StockAlert(policy.seriesKey(), StockAlert.Type.OVERSTOCK, position, policy.overstockLevel(), 0,
                    String.format(Locale.ROOT, "position %.0f is above the overstock bound %.0f", position,
                            policy.overstockLevel())));
        }
        return out;
    }
}
