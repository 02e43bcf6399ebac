package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Weeks;
import io.quanyu.events.InventoryForecast;
import io.quanyu.forecast.domain.Forecast;
import io.quanyu.forecast.domain.ForecastPoint;
import io.quanyu.forecast.domain.Forecaster;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.inventory.AbcClass;
import io.quanyu.forecast.domain.inventory.InventoryPolicy;
import io.quanyu.forecast.domain.inventory.Policy;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import io.quanyu.forecast.domain.inventory.StockAlert;
import io.quanyu.forecast.domain.inventory.StockAlerts;
import io.quanyu.forecast.messaging.SeriesAssembler.Observation;
import io.quanyu.forecast.store.DemandStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one SKU's history means now: a forecast per store and for all stores together, the replenishment policy of
 * each, and the alerts of each store with a stock count. Plain Java over the domain, so it is tested without Quarkus.
 */
public final class Planner {

    /** The outcome for one store (or {@link InventoryForecast#ALL_STORES}). */
    public record Plan(String store, InventoryForecast forecast, Policy policy, AbcClass abcClass, List<StockAlert> alerts) {
    }

    private final Forecaster forecaster;
    private final Map<AbcClass, PolicyParameters> parameters;
    private final int horizon;
    private final int minObservedWeeks;

    /**
     * @param parameters       policy inputs per ABC class
     * @param horizon          weeks forecast
     * @param minObservedWeeks weeks with sales a store needs before its stock raises alerts
     */
    public Planner(Forecaster forecaster, Map<AbcClass, PolicyParameters> parameters, int horizon, int minObservedWeeks) {
        this.forecaster = forecaster;
        this.parameters = Map.copyOf(parameters);
        this.horizon = horizon;
        this.minObservedWeeks = minObservedWeeks;
    }

    /**
     * @param weeks       the SKU's weekly sales at every store (only complete weeks are used)
     * @param counts      the latest stock count per store
     * @param currentWeek Monday of the week the forecasts start at
     */
    public List<Plan> plan(String sku, List<DemandStore.Week> weeks, Map<String, DemandStore.OnHand> counts, LocalDate currentWeek,
                           AbcClass abcClass, Instant now) {
        int current = Weeks.period(currentWeek);
        Map<String, SortedMap<Integer, Observation>> byStore = new TreeMap<>();
        SortedMap<Integer, Observation> total = new TreeMap<>();
        for (DemandStore.Week w : weeks) {
            int p = Weeks.period(w.week());
            byStore.computeIfAbsent(w.store(), s -> new TreeMap<>()).merge(p, new Observation(w.quantity(), w.revenue()), Planner::sum);
            total.merge(p, new Observation(w.quantity(), w.revenue()), Planner::sum);
        }
        TreeSet<String> stores = new TreeSet<>(byStore.keySet());
        stores.addAll(counts.keySet());
        stores.remove(InventoryForecast.ALL_STORES);

        // One SKU across stores is the group the domain pools over; a store without sales has nothing to pool.
        Map<String, Series> series = new LinkedHashMap<>();
        for (String store : stores) {
            series.put(store, SeriesAssembler.series(InventoryForecast.key(sku, store), byStore.getOrDefault(store, new TreeMap<>()), current));
        }
        List<Series> group = series.values().stream().filter(s -> s.observedCount() > 0).toList();
        Map<String, Forecast> forecasts = new LinkedHashMap<>();
        if (!group.isEmpty()) {
            List<Forecast> pooled = forecaster.forecastGroup(group, horizon);
            for (int i = 0; i < group.size(); i++) {
                forecasts.put(group.get(i).key(), pooled.get(i));
            }
        }
        PolicyParameters params = parameters.get(abcClass);
        List<Plan> plans = new ArrayList<>();
        for (String store : stores) {
            Series s = series.get(store);
            Forecast f = forecasts.computeIfAbsent(s.key(), k -> forecaster.forecast(s, horizon));
            Policy policy = InventoryPolicy.compute(f, params);
            DemandStore.OnHand count = counts.get(store);
            List<StockAlert> alerts = count != null && s.observedCount() >= minObservedWeeks
                    ? StockAlerts.evaluate(policy, f, count.onHand(), 0) : List.of();
            plans.add(new Plan(store, record(sku, store, s, f, now), policy, abcClass, alerts));
        }
        Series all = SeriesAssembler.series(InventoryForecast.key(sku, InventoryForecast.ALL_STORES), total, current);
        Forecast f = forecaster.forecast(all, horizon);
        plans.add(new Plan(InventoryForecast.ALL_STORES, record(sku, InventoryForecast.ALL_STORES, all, f, now), InventoryPolicy.compute(f, params),
                abcClass, List.of()));
        return plans;
    }

    private static InventoryForecast record(String sku, String store, Series s, Forecast f, Instant now) {
        List<InventoryForecast.Point> points = new ArrayList<>();
        for (ForecastPoint p : f.points()) {
            LocalDate monday = Weeks.monday(p.period());
            points.add(new InventoryForecast.Point(Weeks.label(monday), Weeks.start(monday), p.horizon(), round(p.forecast()), round(p.p50()),
                    round(p.interval(0.8).lower()), round(p.interval(0.8).upper()), round(p.interval(0.95).lower()),
                    round(p.interval(0.95).upper())));
        }
        Double mase = Double.isFinite(f.backtestMase()) ? round(f.backtestMase()) : null;
        return new InventoryForecast(sku, store, f.model(), mase, s.length(), s.observedCount(), points, now);
    }

    private static Observation sum(Observation a, Observation b) {
        return new Observation(a.quantity() + b.quantity(), a.revenue() + b.revenue());
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
