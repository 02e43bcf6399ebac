package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Feature;
import io.quanyu.forecast.domain.Series;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;

/**
 * Turns stored weekly sales into a domain {@link Series}: from the first week with sales to the last complete week,
 * weeks without a row are missing (NaN, never zero), and the week's average unit price is a price feature.
 */
public final class SeriesAssembler {

    /** Units sold and revenue in one week. */
    public record Observation(double quantity, double revenue) {
    }

    private SeriesAssembler() {
    }

    /**
     * @param byPeriod      sales by week period (see {@link Weeks}); periods at or after {@code currentPeriod} are left
     *                      out, because the current week is not over
     * @param currentPeriod the week being forecast first
     */
    public static Series series(String key, SortedMap<Integer, Observation> byPeriod, int currentPeriod) {
        SortedMap<Integer, Observation> closed = byPeriod.headMap(currentPeriod);
        if (closed.isEmpty()) {
            return new Series(key, currentPeriod, new double[0], List.of());
        }
        int first = closed.firstKey();
        // The series runs up to the week before the current one, so its forecasts start at the current week even
        // when the last sales are weeks old.
        int n = currentPeriod - first;
        double[] demand = new double[n];
        double[] price = new double[n];
        Arrays.fill(demand, Double.NaN);
        Arrays.fill(price, Double.NaN);
        boolean priced = false;
        for (var e : closed.entrySet()) {
            int t = e.getKey() - first;
            Observation o = e.getValue();
            demand[t] = o.quantity();
            if (o.quantity() > 0 && o.revenue() > 0) {
                price[t] = o.revenue() / o.quantity();
                priced = true;
            }
        }
        return new Series(key, first, demand, priced ? List.of(Feature.price("price", price)) : List.of());
    }
}
