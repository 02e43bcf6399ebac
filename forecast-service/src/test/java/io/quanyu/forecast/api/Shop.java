package io.quanyu.forecast.api;

import static io.restassured.RestAssured.given;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.StockLevel;
import io.quanyu.forecast.domain.Weeks;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Purchases and stock counts as they arrive on events.v1, and waiting for what the service makes of them. */
final class Shop {

    private Shop() {
    }

    /** The Monday of the week {@code weeksAgo} before the current one (0 = the current week). */
    static LocalDate weekAgo(int weeksAgo) {
        return Weeks.weekOf(Instant.now()).minusWeeks(weeksAgo);
    }

    /** A POS purchase of {@code quantity} units of one SKU, at {@code hours} after the Monday of its week. */
    static CloudEvent purchase(String id, String customer, String sku, String store, LocalDate week, int hours, int quantity, String price) {
        BigDecimal unit = new BigDecimal(price);
        Instant at = Weeks.start(week).plus(Duration.ofHours(hours));
        return CloudEvent.of(id, Channel.STORE, EventType.PURCHASE, at, customer, Instant.now(), null,
                new Purchase("order-" + id, List.of(new OrderLine(sku, quantity, unit)), unit.multiply(BigDecimal.valueOf(quantity)), "CNY", store));
    }

    /** About 20 units a week over the last {@code weeks} complete weeks with a wave and noise, two purchases a week. */
    static List<CloudEvent> weeklyHistory(String sku, String store, String customer, int weeks, long seed) {
        Random r = new Random(seed);
        List<CloudEvent> out = new ArrayList<>();
        for (int w = weeks; w >= 1; w--) {
            int units = (int) Math.max(2, Math.round(20 + 6 * Math.sin(2 * Math.PI * w / 8) + 3 * r.nextGaussian()));
            String price = w % 5 == 0 ? "7.90" : "9.90";
            out.add(purchase(sku + "-w" + w + "-a", customer, sku, store, weekAgo(w), 34, units / 2, price));
            out.add(purchase(sku + "-w" + w + "-b", customer, sku, store, weekAgo(w), 80, units - units / 2, price));
        }
        return out;
    }

    static CloudEvent stock(String id, String customer, String sku, String store, int onHand) {
        return CloudEvent.of(id, Channel.STORE, EventType.STOCK_LEVEL, Instant.now(), customer, Instant.now(), null,
                new StockLevel(store, sku, onHand));
    }

    static List<ProducerRecord<String, byte[]>> records(List<CloudEvent> events) {
        return events.stream().map(e -> new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e))).toList();
    }

    static InventoryForecast forecast(ConsumerRecord<String, byte[]> r) {
        return ((Decoded.Ok<InventoryForecast>) EventCodec.decode(r.value(), InventoryForecast.class)).value();
    }

    static InventoryAlert alert(ConsumerRecord<String, byte[]> r) {
        return ((Decoded.Ok<InventoryAlert>) EventCodec.decode(r.value(), InventoryAlert.class)).value();
    }

    /** Polls until {@code done} holds or the timeout passed; returns the last value. */
    static <T> T await(Callable<T> probe, Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = probe.call();
        }
        return last;
    }

    /** GET /v1/forecasts/{sku} at a store, whatever the status. */
    static Response forecastResponse(String sku, String store, int horizon) {
        return given().queryParam("store", store).queryParam("horizon", horizon).get("/v1/forecasts/" + sku);
    }

    /** Waits until the API serves the SKU's forecast at the store with the given number of observed weeks. */
    static JsonPath awaitForecast(String sku, String store, int horizon, int observedWeeks) throws Exception {
        Response r = await(() -> forecastResponse(sku, store, horizon),
                x -> x.statusCode() == 200 && x.jsonPath().getInt("observed_weeks") == observedWeeks, Duration.ofSeconds(30));
        if (r.statusCode() != 200) {
            throw new AssertionError("no forecast of " + sku + " at " + store + ": " + r.statusCode() + " " + r.asString());
        }
        return r.jsonPath();
    }
}
