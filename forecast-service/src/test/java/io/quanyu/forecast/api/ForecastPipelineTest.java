package io.quanyu.forecast.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.events.Topics;
import io.quanyu.events.data.Purchase;
import io.quanyu.forecast.domain.Weeks;
import io.quanyu.forecast.store.DemandStore;
import io.quanyu.forecast.store.RecomputeQueue;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Purchases and stock counts through the real broker into history, forecasts, policies and alerts, on the API and both topics. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ForecastPipelineTest {

    @Inject
    DemandStore demand;

    @Inject
    RecomputeQueue queue;

    private static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void thirtyWeeksOfPurchasesGiveAForecastOnTheApiAndTheTopic() throws Exception {
        String sku = id("sku-a");
        String store = "store-a";
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail topic = kafka.tail(Topics.INVENTORY_FORECASTS)) {
            kafka.sendAll(Shop.records(Shop.weeklyHistory(sku, store, "a:card-" + sku, 30, 1)));
            List<ConsumerRecord<String, byte[]>> mine = topic.await(1,
                    r -> InventoryForecast.key(sku, store).equals(r.key()) && Shop.forecast(r).observedWeeks() == 30, Duration.ofSeconds(30));
            assertThat(mine).as("a forecast of %s at %s with all 30 weeks on %s", sku, store, Topics.INVENTORY_FORECASTS).isNotEmpty();
            InventoryForecast published = Shop.forecast(mine.getLast());
            assertThat(published.points()).hasSize(26);
            assertThat(published.historyWeeks()).isEqualTo(30);
            assertThat(published.points().getFirst().week()).isEqualTo(Weeks.label(Shop.weekAgo(0)));
        }

        JsonPath f = Shop.awaitForecast(sku, store, 8, 30);
        assertThat(f.getString("model")).isNotBlank();
        assertThat(f.getDouble("backtest_mase")).isFinite().isPositive();
        List<Map<String, Object>> points = f.getList("points");
        assertThat(points).hasSize(8);
        for (int k = 0; k < points.size(); k++) {
            Map<String, Object> p = points.get(k);
            assertThat(((Number) p.get("horizon")).intValue()).isEqualTo(k + 1);
            double lo95 = num(p, "lower95");
            double lo80 = num(p, "lower80");
            double p50 = num(p, "p50");
            double hi80 = num(p, "upper80");
            double hi95 = num(p, "upper95");
            assertThat(lo95).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(lo80);
            assertThat(lo80).isLessThanOrEqualTo(p50);
            assertThat(p50).isLessThanOrEqualTo(hi80).isBetween(5.0, 60.0);
            assertThat(hi80).isLessThanOrEqualTo(hi95);
            assertThat(hi95).isFinite();
        }
        // Every store together: here one store, so the same weeks.
        assertThat(Shop.awaitForecast(sku, "all", 4, 30).getList("points")).hasSize(4);

        JsonPath policy = given().queryParam("store", store).get("/v1/inventory/" + sku + "/policy").then().statusCode(200).extract().jsonPath();
        assertThat(policy.getString("abc_class")).isIn("A", "B", "C");
        assertThat(policy.getDouble("service_level")).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(policy.getDouble("reorder_point")).isGreaterThan(policy.getDouble("protection_demand") - 1e-9).isPositive();
        assertThat(policy.getDouble("safety_stock")).isGreaterThanOrEqualTo(0);
        assertThat(policy.getDouble("expected_weekly_demand")).isBetween(5.0, 60.0);
        assertThat(policy.get("on_hand") == null).isTrue();

        given().get("/q/metrics").then().statusCode(200).body(containsString("quanyu_forecast_events_applied_total{kind=\"purchase\"}"))
                .body(containsString("quanyu_forecast_forecasts_published_total")).body(containsString("quanyu_forecast_recompute_latency_seconds"));
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("consumers"));

        // When a week closes, the weekly sweep queues forecasts made before it, and they are made again.
        String before = f.getString("generated_at");
        assertThat(queue.queueForecastsBefore(Shop.weekAgo(-1), Instant.now())).isPositive();
        assertThat(Shop.await(() -> Shop.awaitForecast(sku, store, 1, 30).getString("generated_at"), g -> !g.equals(before),
                Duration.ofSeconds(30))).isNotEqualTo(before);
    }

    @Test
    void aLowStockCountRaisesOneAlertUntilTheShelfIsFilledAgain() throws Exception {
        String sku = id("sku-b");
        String store = "store-b";
        String counter = "a:store:" + store;
        String key = InventoryForecast.key(sku, store);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.sendAll(Shop.records(Shop.weeklyHistory(sku, store, "a:card-" + sku, 30, 2)));
            Shop.awaitForecast(sku, store, 4, 30);
            double reorderPoint = given().queryParam("store", store).get("/v1/inventory/" + sku + "/policy").then().statusCode(200)
                    .extract().jsonPath().getDouble("reorder_point");

            try (KafkaTestClient.Tail alerts = kafka.tail(Topics.INVENTORY_ALERTS)) {
                kafka.sendAll(Shop.records(List.of(Shop.stock(id("count"), counter, sku, store, 1))));
                List<ConsumerRecord<String, byte[]>> opened = alerts.await(2, r -> key.equals(r.key()), Duration.ofSeconds(30));
                assertThat(opened).extracting(r -> Shop.alert(r).type()).containsExactlyInAnyOrder(InventoryAlert.STOCKOUT_RISK,
                        InventoryAlert.BELOW_REORDER_POINT);
                InventoryAlert below = opened.stream().map(Shop::alert).filter(a -> a.type().equals(InventoryAlert.BELOW_REORDER_POINT)).findFirst()
                        .orElseThrow();
                assertThat(below.status()).isEqualTo(InventoryAlert.OPEN);
                assertThat(below.onHand()).isEqualTo(1);
                assertThat(below.threshold()).isCloseTo(reorderPoint, org.assertj.core.data.Offset.offset(0.01));
                assertThat(below.suggestedOrder()).isGreaterThanOrEqualTo(reorderPoint - 1 - 0.01);

                JsonPath open = Shop.await(() -> given().queryParam("store", store).get("/v1/alerts").then().statusCode(200).extract().jsonPath(),
                        j -> j.getList("alerts.sku").contains(sku), Duration.ofSeconds(10));
                assertThat(open.getList("alerts.findAll { it.sku == '" + sku + "' }.type", String.class))
                        .containsExactlyInAnyOrder(InventoryAlert.STOCKOUT_RISK, InventoryAlert.BELOW_REORDER_POINT);
                assertThat(open.getList("alerts.store", String.class)).containsOnly(store);

                // Still short after the next count: the alerts stay open, with fresh figures, and are not published again.
                kafka.sendAll(Shop.records(List.of(Shop.stock(id("count"), counter, sku, store, 2))));
                Shop.await(() -> given().queryParam("sku", sku).get("/v1/alerts").then().extract().jsonPath().getList("alerts.on_hand", Double.class),
                        l -> !l.isEmpty() && l.stream().allMatch(v -> v == 2.0), Duration.ofSeconds(20));
                assertThat(given().queryParam("sku", sku).get("/v1/alerts").then().extract().jsonPath().getList("alerts.on_hand", Double.class))
                        .hasSize(2).containsOnly(2.0);
                assertThat(alerts.await(3, r -> key.equals(r.key()), Duration.ofSeconds(2))).hasSize(2);

                // Far more than the bound: the shortage alerts are resolved and an overstock alert opens.
                kafka.sendAll(Shop.records(List.of(Shop.stock(id("count"), counter, sku, store, 5000))));
                List<InventoryAlert> all = alerts.await(5, r -> key.equals(r.key()), Duration.ofSeconds(30)).stream().map(Shop::alert).toList();
                assertThat(all.subList(2, all.size())).extracting(a -> a.type() + ":" + a.status()).containsExactlyInAnyOrder(
                        "stockout_risk:resolved", "below_reorder_point:resolved", "overstock:open");
            }
        }
        JsonPath now = given().queryParam("sku", sku).get("/v1/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(now.getList("alerts.type", String.class)).containsExactly(InventoryAlert.OVERSTOCK);
        JsonPath policy = given().queryParam("store", store).get("/v1/inventory/" + sku + "/policy").then().statusCode(200).extract().jsonPath();
        assertThat(policy.getInt("on_hand")).isEqualTo(5000);
        assertThat(policy.getDouble("suggested_order")).isZero();
    }

    @Test
    void redeliveredEventsDoNotChangeTheHistory() throws Exception {
        String sku = id("sku-d");
        String store = "store-d";
        String customer = "a:card-" + sku;
        List<CloudEvent> events = new ArrayList<>(Shop.weeklyHistory(sku, store, customer, 10, 4));
        events.add(events.get(3)); // the same event twice in one batch
        CloudEvent count = Shop.stock(id("count"), customer, sku, store, 30);
        events.add(count);
        long units = events.subList(0, 20).stream().mapToLong(e -> e.data(Purchase.class).lines().getFirst().quantity()).sum();
        LocalDate from = Shop.weekAgo(200);
        LocalDate to = Shop.weekAgo(-1);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.sendAll(Shop.records(events));
            Shop.awaitForecast(sku, store, 4, 10);
            List<DemandStore.Week> before = demand.weeks(sku, from, to);
            assertThat(before).hasSize(10);
            assertThat(before.stream().mapToLong(DemandStore.Week::quantity).sum()).isEqualTo(units);
            Map<String, DemandStore.OnHand> countBefore = demand.counts(sku);
            assertThat(countBefore.get(store).onHand()).isEqualTo(30);

            // Everything again, then a marker on the same key (so the same partition, read after the copies).
            String marker = id("marker");
            List<CloudEvent> again = new ArrayList<>(events);
            again.add(Shop.purchase(id("m"), customer, marker, store, Shop.weekAgo(1), 5, 1, "1.00"));
            kafka.sendAll(Shop.records(again));
            assertThat(Shop.await(() -> demand.weeks(marker, from, to), l -> !l.isEmpty(), Duration.ofSeconds(30))).hasSize(1);

            assertThat(demand.weeks(sku, from, to)).isEqualTo(before);
            assertThat(demand.counts(sku)).isEqualTo(countBefore);
        }
        assertThat(Shop.awaitForecast(sku, store, 4, 10).getInt("history_weeks")).isEqualTo(10);
    }

    private static double num(Map<String, Object> p, String name) {
        return ((Number) p.get(name)).doubleValue();
    }
}
