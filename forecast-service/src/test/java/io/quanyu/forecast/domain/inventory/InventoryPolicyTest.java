package io.quanyu.forecast.domain.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.forecast.domain.Forecast;
import io.quanyu.forecast.domain.ForecastPoint;
import io.quanyu.forecast.domain.eval.ErrorDistribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Safety stock, reorder point and EOQ from a forecast whose error distribution is known. */
class InventoryPolicyTest {

    /** A flat forecast of {@code level} per week whose log errors are normal with sd sigma for sums of 1..4 weeks. */
    static Forecast flat(double level, double sigma) {
        Random r = new Random(1);
        double[][] errs = new double[4][20000];
        for (double[] row : errs) {
            for (int i = 0; i < row.length; i++) {
                row[i] = sigma * r.nextGaussian();
            }
        }
        List<ForecastPoint> pts = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            pts.add(new ForecastPoint(100 + k, k + 1, level, level, List.of()));
        }
        return new Forecast("sku/store", "test", 0.5, pts, new ErrorDistribution(errs, errs));
    }

    @Test
    void reorderPointIsTheServiceQuantileOfDemandOverLeadTimePlusReview() {
        Forecast f = flat(100, 0.2);
        Policy p = InventoryPolicy.compute(f, PolicyParameters.weekly());
        double expected = Math.expm1(Math.log1p(200) + 0.2 * 1.6449);
        assertThat(p.protectionDemand()).isCloseTo(200, within(1e-9));
        assertThat(p.reorderPoint()).isCloseTo(expected, within(0.02 * expected));
        assertThat(p.safetyStock()).isCloseTo(p.reorderPoint() - 200, within(1e-9));
        assertThat(p.expectedWeeklyDemand()).isCloseTo(100, within(1e-9));
        assertThat(p.orderQuantity()).isZero();
    }

    @Test
    void higherServiceAndLongerLeadTimeNeedMoreStock() {
        Forecast f = flat(100, 0.2);
        Policy p90 = InventoryPolicy.compute(f, PolicyParameters.weekly().withServiceLevel(0.90));
        Policy p99 = InventoryPolicy.compute(f, PolicyParameters.weekly().withServiceLevel(0.99));
        Policy l3 = InventoryPolicy.compute(f, PolicyParameters.weekly().withLeadTime(3));
        assertThat(p99.safetyStock()).isGreaterThan(p90.safetyStock());
        assertThat(l3.reorderPoint()).isGreaterThan(p90.reorderPoint());
        // beyond the 4-week forecast the extra weeks are extrapolated from the average week
        Policy l6 = InventoryPolicy.compute(f, PolicyParameters.weekly().withLeadTime(6));
        assertThat(l6.protectionDemand()).isCloseTo(700, within(1e-9));
        assertThat(l6.reorderPoint()).isGreaterThan(700);
    }

    @Test
    void noForecastErrorMeansNoSafetyStock() {
        Policy p = InventoryPolicy.compute(flat(50, 0.0), PolicyParameters.weekly());
        assertThat(p.safetyStock()).isCloseTo(0, within(1e-9));
        assertThat(p.reorderPoint()).isCloseTo(100, within(1e-9));
    }

    @Test
    void economicOrderQuantityAndLimits() {
        assertThat(InventoryPolicy.economicOrderQuantity(100, 50, 1)).isCloseTo(100, within(1e-9));
        assertThat(InventoryPolicy.economicOrderQuantity(100, 0, 1)).isZero();
        Forecast f = flat(100, 0.1);
        PolicyParameters costly = PolicyParameters.weekly().withCosts(50, 1);
        assertThat(InventoryPolicy.compute(f, costly).orderQuantity()).isCloseTo(100, within(1e-6));
        assertThat(InventoryPolicy.compute(f, costly.withOrderLimits(150, 1000)).orderQuantity()).isEqualTo(150);
        assertThat(InventoryPolicy.compute(f, costly.withOrderLimits(0, 80)).orderQuantity()).isEqualTo(80);
        assertThatThrownBy(() -> costly.withOrderLimits(10, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyParameters.weekly().withServiceLevel(1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void orderForTopsUpToTheReorderPointAtLeastByTheOrderQuantity() {
        Policy p = new Policy("k", 0.95, 100, 200, 50, 250, 120, 1000);
        assertThat(p.orderFor(260)).isZero();
        assertThat(p.orderFor(240)).isEqualTo(120);
        assertThat(p.orderFor(-20)).isEqualTo(270);
    }

    @Test
    void abcClassifiesByCumulativeRevenueShare() {
        var items = Abc.classify(java.util.Map.of("a", 50.0, "b", 30.0, "c", 10.0, "d", 6.0, "e", 4.0, "f", 0.0));
        assertThat(items).extracting(AbcItem::key).containsExactly("a", "b", "c", "d", "e", "f");
        assertThat(items).extracting(AbcItem::abcClass).containsExactly(AbcClass.A, AbcClass.A, AbcClass.B,
                AbcClass.B, AbcClass.C, AbcClass.C);
        assertThat(items.get(1).cumulativeShare()).isCloseTo(0.8, within(1e-12));
        assertThat(items.get(0).share()).isCloseTo(0.5, within(1e-12));
        assertThat(Abc.classify(java.util.Map.of())).isEmpty();
        // a single dominant item is A even though it alone exceeds 80 %
        assertThat(Abc.classify(java.util.Map.of("x", 99.0, "y", 1.0)).get(0).abcClass()).isEqualTo(AbcClass.A);
    }

    @Test
    void alertsForLowHealthyAndExcessStock() {
        Forecast f = flat(100, 0.2);
        Policy p = InventoryPolicy.compute(f, PolicyParameters.weekly());
        assertThat(StockAlerts.evaluate(p, f, 20, 0)).extracting(StockAlert::type)
                .containsExactly(StockAlert.Type.STOCKOUT_RISK, StockAlert.Type.BELOW_REORDER_POINT);
        assertThat(StockAlerts.evaluate(p, f, 200, p.reorderPoint())).isEmpty();
        List<StockAlert> excess = StockAlerts.evaluate(p, f, p.overstockLevel() + 1, 0);
        assertThat(excess).extracting(StockAlert::type).containsExactly(StockAlert.Type.OVERSTOCK);
        assertThat(excess.get(0).suggestedOrder()).isZero();
        StockAlert low = StockAlerts.evaluate(p, f, 150, 0).get(0);
        assertThat(low.type()).isEqualTo(StockAlert.Type.BELOW_REORDER_POINT);
        assertThat(low.suggestedOrder()).isCloseTo(p.reorderPoint() - 150, within(1e-9));
    }
}
