package io.quanyu.forecast.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.CloudEvent;
import io.quanyu.forecast.domain.PlausibleRange;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Histories that break naive forecasting (a few weeks, gaps, a single spike, no sales at all, a price far below its
 * history) still get sane forecasts inside their plausible range and no errors.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class DegenerateHistoryTest {

    @Test
    void thinGappyAndEmptyHistoriesGetFiniteNonNegativeForecasts() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String store = "store-c";
        String customer = "a:card-degenerate-" + run;
        String few = "sku-few-" + run;
        String gaps = "sku-gaps-" + run;
        String spike = "sku-spike-" + run;
        String unsold = "sku-unsold-" + run;
        String thisWeek = "sku-new-" + run;
        String priceCut = "sku-price-cut-" + run;
        List<CloudEvent> events = new ArrayList<>();
        // 30 weeks of elastic demand at 3.00-4.00, then a week at 0.04: a price a hundred times below the history,
        // which a log-linear model read literally turns into thousands of times the usual demand
        int largest = 0;
        for (int w = 31; w >= 2; w--) {
            double price = 3.0 + (w % 5) * 0.25;
            int units = (int) Math.round(20 * Math.pow(3.5 / price, 3));
            largest = Math.max(largest, units);
            events.add(Shop.purchase(priceCut + "-" + w, customer, priceCut, store, Shop.weekAgo(w), 30, units,
                    String.format(java.util.Locale.ROOT, "%.2f", price)));
        }
        events.add(Shop.purchase(priceCut + "-1", customer, priceCut, store, Shop.weekAgo(1), 30, 25, "0.04"));
        int[] fewWeeks = {3, 2, 1};
        for (int w : fewWeeks) {
            events.add(Shop.purchase(few + "-" + w, customer, few, store, Shop.weekAgo(w), 30, 4 + w, "3.50"));
        }
        int[] gapWeeks = {25, 24, 20, 13, 12, 6, 2};
        for (int w : gapWeeks) {
            events.add(Shop.purchase(gaps + "-" + w, customer, gaps, store, Shop.weekAgo(w), 30, 10 + w % 4, "12.00"));
        }
        events.add(Shop.purchase(spike + "-1", customer, spike, store, Shop.weekAgo(10), 30, 900, "0.99"));
        events.add(Shop.stock(unsold + "-count", customer, unsold, store, 40));
        events.add(Shop.purchase(thisWeek + "-1", customer, thisWeek, store, Shop.weekAgo(0), 0, 50, "5.00"));
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.sendAll(Shop.records(events));
        }

        Map<String, Integer> observed = Map.of(few, 3, gaps, 7, spike, 1, unsold, 0, thisWeek, 0, priceCut, 31);
        for (var e : observed.entrySet()) {
            JsonPath f = Shop.awaitForecast(e.getKey(), store, 26, e.getValue());
            List<Map<String, Object>> points = f.getList("points");
            assertThat(points).as(e.getKey()).hasSize(26);
            for (Map<String, Object> p : points) {
                for (String field : List.of("forecast", "p50", "lower80", "upper80", "lower95", "upper95")) {
                    assertThat(((Number) p.get(field)).doubleValue()).as(e.getKey() + " " + field).isFinite().isGreaterThanOrEqualTo(0);
                }
                assertThat(((Number) p.get("lower95")).doubleValue()).isLessThanOrEqualTo(((Number) p.get("p50")).doubleValue());
                assertThat(((Number) p.get("p50")).doubleValue()).isLessThanOrEqualTo(((Number) p.get("upper95")).doubleValue());
            }
            given().queryParam("store", store).get("/v1/inventory/" + e.getKey() + "/policy").then().statusCode(200);
        }
        // No sales yet (only stock, or only the unfinished current week): nothing is forecast, and no alert is guessed from it.
        for (String sku : List.of(unsold, thisWeek)) {
            JsonPath f = Shop.awaitForecast(sku, store, 4, 0);
            assertThat(f.getInt("history_weeks")).isZero();
            assertThat(f.getList("points.p50", Float.class)).containsOnly(0f);
            assertThat(f.get("backtest_mase") == null).isTrue();
        }
        assertThat(Shop.awaitForecast(gaps, store, 4, 7).getInt("history_weeks")).isEqualTo(25);
        // The price cut is carried into the forecast weeks; nothing leaves the plausible range of 31 weeks of sales.
        double bound = PlausibleRange.multiple(31) * largest;
        JsonPath cut = Shop.awaitForecast(priceCut, store, 26, 31);
        for (String field : List.of("forecast", "p50", "upper80", "upper95")) {
            assertThat(cut.getList("points." + field, Float.class)).as(field).allSatisfy(v -> assertThat(v).isBetween(0f, (float) bound));
        }
        // a single spike of 900 after nothing: one observed week, so at most 20 times it
        assertThat(Shop.awaitForecast(spike, store, 26, 1).getList("points.upper95", Float.class))
                .allSatisfy(v -> assertThat(v).isLessThanOrEqualTo((float) (PlausibleRange.multiple(1) * 900)));
        assertThat(Shop.await(() -> given().queryParam("sku", unsold).get("/v1/alerts").then().statusCode(200).extract().jsonPath()
                .getList("alerts"), l -> !l.isEmpty(), Duration.ofSeconds(2))).isEmpty();
    }
}
