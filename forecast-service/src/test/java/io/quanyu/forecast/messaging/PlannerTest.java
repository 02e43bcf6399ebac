package io.quanyu.forecast.messaging;

import io.quanyu.forecast.domain.Weeks;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.InventoryForecast;
import io.quanyu.forecast.domain.Forecaster;
import io.quanyu.forecast.domain.Series;
import io.quanyu.forecast.domain.inventory.AbcClass;
import io.quanyu.forecast.domain.inventory.PolicyParameters;
import io.quanyu.forecast.domain.inventory.StockAlert;
import io.quanyu.forecast.store.DemandStore;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Weekly rows into series (gaps missing, the open week left out), and plans per store and for all stores. */
class PlannerTest {

    private static final LocalDate CURRENT = LocalDate.of(2026, 3, 2); // a Monday
    private static final Instant NOW = Weeks.start(CURRENT).plusSeconds(3600);

    private static Planner planner() {
        Map<AbcClass, PolicyParameters> p = new EnumMap<>(AbcClass.class);
        for (AbcClass c : AbcClass.values()) {
            p.put(c, PolicyParameters.weekly());
        }
        return new Planner(new Forecaster(), p, 8, 4);
    }

    private static DemandStore.Week week(String store, int weeksAgo, long quantity, double revenue) {
        return new DemandStore.Week(store, CURRENT.minusWeeks(weeksAgo), quantity, revenue);
    }

    @Test
    void weeksAreAContinuousIsoGrid() {
        LocalDate monday = LocalDate.of(2026, 1, 5);
        assertThat(Weeks.period(monday.plusWeeks(1))).isEqualTo(Weeks.period(monday) + 1);
        assertThat(Weeks.monday(Weeks.period(monday))).isEqualTo(monday);
        assertThat(Weeks.weekOf(Weeks.start(monday).plusSeconds(6 * 86400 + 86399))).isEqualTo(monday);
        assertThat(Weeks.label(LocalDate.of(2025, 12, 29))).isEqualTo("2026-W01");
    }

    @Test
    void missingWeeksAreNaNAndTheSeriesRunsToTheLastCompleteWeek() {
        int current = Weeks.period(CURRENT);
        TreeMap<Integer, SeriesAssembler.Observation> obs = new TreeMap<>();
        obs.put(current - 6, new SeriesAssembler.Observation(4, 8));
        obs.put(current - 3, new SeriesAssembler.Observation(0, 0));
        obs.put(current, new SeriesAssembler.Observation(50, 100)); // the open week
        Series s = SeriesAssembler.series("k", obs, current);
        assertThat(s.firstPeriod()).isEqualTo(current - 6);
        assertThat(s.demand()).containsExactly(4, Double.NaN, Double.NaN, 0, Double.NaN, Double.NaN);
        assertThat(s.features()).singleElement().satisfies(f -> assertThat(f.values()[0]).isEqualTo(2.0));
        assertThat(SeriesAssembler.series("k", new TreeMap<>(), current).length()).isZero();
    }

    @Test
    void everyStoreAndAllStoresGetAForecastPolicyAndTheirAlerts() {
        List<DemandStore.Week> rows = new ArrayList<>();
        for (int w = 1; w <= 20; w++) {
            rows.add(week("s1", w, 10 + w % 3, 20));
            rows.add(week("s2", w, 30, 60));
        }
        rows.add(week("s3", 0, 5, 10)); // sells only this week
        var counts = Map.of("s1", new DemandStore.OnHand(0, NOW), "s4", new DemandStore.OnHand(7, NOW));
        List<Planner.Plan> plans = planner().plan("sku", rows, counts, CURRENT, AbcClass.A, NOW);
        assertThat(plans).extracting(Planner.Plan::store).containsExactly("s1", "s2", "s3", "s4", InventoryForecast.ALL_STORES);
        Planner.Plan all = plans.getLast();
        assertThat(all.forecast().observedWeeks()).isEqualTo(20);
        assertThat(all.forecast().points().getFirst().p50()).isBetween(30.0, 55.0);
        assertThat(all.forecast().points().getFirst().week()).isEqualTo("2026-W10");
        assertThat(plans.get(1).forecast().points()).hasSize(8).allSatisfy(p -> assertThat(p.p50()).isBetween(25.0, 35.0));
        assertThat(plans.getFirst().alerts()).extracting(StockAlert::type).contains(StockAlert.Type.STOCKOUT_RISK, StockAlert.Type.BELOW_REORDER_POINT);
        // s4 has stock but no sales, s3 only the open week: nothing is known, so nothing is forecast or alerted.
        for (Planner.Plan p : plans.subList(2, 4)) {
            assertThat(p.forecast().historyWeeks()).isZero();
            // a point of zero; the interval keeps the domain's wide default spread, since nothing measured it
            assertThat(p.forecast().points()).allSatisfy(pt -> assertThat(pt.p50()).isZero());
            assertThat(p.alerts()).isEmpty();
        }
    }

    @Test
    void allZeroDemandIsForecastAsZeroAndItsStockIsExcess() {
        List<DemandStore.Week> rows = new ArrayList<>();
        for (int w = 1; w <= 12; w++) {
            rows.add(week("s1", w, 0, 0));
        }
        List<Planner.Plan> plans = planner().plan("sku", rows, Map.of("s1", new DemandStore.OnHand(5, NOW)), CURRENT, AbcClass.C, NOW);
        Planner.Plan s1 = plans.getFirst();
        assertThat(s1.forecast().points()).allSatisfy(p -> {
            assertThat(p.forecast()).isZero();
            assertThat(p.upper95()).isZero();
        });
        assertThat(s1.policy().reorderPoint()).isZero();
        assertThat(s1.alerts()).extracting(StockAlert::type).containsExactly(StockAlert.Type.OVERSTOCK);
    }
}
