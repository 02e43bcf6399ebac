package io.quanyu.forecast.api;

import io.quanyu.events.InventoryForecast;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.domain.Weeks;
import io.quanyu.forecast.store.DemandStore;
import io.quanyu.forecast.store.ForecastStore;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Demand forecasts, replenishment policies and open stock alerts, as last computed from the event stream. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ForecastResource {

    private static final int DEFAULT_HORIZON = 4;
    private static final int DEFAULT_ALERTS = 100;
    private static final int MAX_ALERTS = 1000;
    private static final int DEFAULT_HISTORY = 26;
    private static final int MAX_HISTORY = 156;
    private static final int MAX_ID = 256;

    /** One forecast week. */
    @Schema(description = "Forecast demand of one ISO week (UTC)")
    public record Point(@Schema(description = "ISO week, e.g. 2026-W07") String week, @Schema(description = "Its Monday, 00:00 UTC") Instant weekStart,
                        @Schema(description = "Weeks ahead; 1 is the current week") int horizon,
                        @Schema(description = "The chosen model's point forecast") double forecast, @Schema(description = "Median") double p50,
                        @Schema(description = "80 % interval, lower bound") double lower80, @Schema(description = "80 % interval, upper bound") double upper80,
                        @Schema(description = "95 % interval, lower bound") double lower95, @Schema(description = "95 % interval, upper bound") double upper95) {
    }

    /** A forecast of one SKU at one store. */
    @Schema(description = "Weekly demand forecast of a SKU at a store, or at all stores together")
    public record ForecastAnswer(String sku, @Schema(description = "Store id, online, or all") String store,
                                 @Schema(description = "The model the automatic selection chose") String model,
                                 @Schema(description = "Its rolling-origin backtest MASE (below 1 beats last week's sales); null when the history is too short")
                                 Double backtestMase,
                                 @Schema(description = "Weeks from the first sale to the last complete week") int historyWeeks,
                                 @Schema(description = "Weeks with sales among them") int observedWeeks,
                                 @Schema(description = "When it was computed") Instant generatedAt, List<Point> points) {
    }

    /** The replenishment policy of one SKU at one store. */
    @Schema(description = "Replenishment policy: reorder when the position falls below the reorder point")
    public record PolicyAnswer(String sku, String store, @Schema(description = "A, B or C by revenue across SKUs") String abcClass,
                               @Schema(description = "Target cycle service level") double serviceLevel,
                               double expectedWeeklyDemand,
                               @Schema(description = "Expected demand over lead time plus review period") double protectionDemand,
                               double safetyStock, double reorderPoint,
                               @Schema(description = "Economic order quantity within the order limits; null when unbounded") Double orderQuantity,
                               @Schema(description = "Position above which stock is excess; null when unbounded") Double overstockLevel,
                               @Schema(description = "Latest counted units on hand (summed over stores for all); null before a count") Integer onHand,
                               @Schema(description = "When that count was taken (the latest one for all)") Instant countedAt,
                               @Schema(description = "What the policy orders now for the counted stock; null before a count") Double suggestedOrder,
                               Instant computedAt) {
    }

    /** Weekly sales of a SKU, the history a forecast chart draws before its points. */
    @Schema(description = "Units sold per ISO week up to the last complete one, oldest first; weeks without sales are absent")
    public record History(String sku, @Schema(description = "Store id, online, or all (summed over stores)") String store, List<Sold> weeks) {
    }

    /** One week's sales. */
    public record Sold(@Schema(description = "ISO week, e.g. 2026-W07") String week, @Schema(description = "Its Monday, 00:00 UTC") Instant weekStart,
                       long quantity) {
    }

    /** An open alert. */
    @Schema(description = "A stock alert in force")
    public record Alert(String sku, String store, @Schema(description = "stockout_risk, below_reorder_point or overstock") String type,
                        double onHand, @Schema(description = "The level that was crossed") double threshold, double suggestedOrder,
                        String message, Instant openedAt, @Schema(description = "When its figures were last re-evaluated") Instant updatedAt) {
    }

    /** The open alerts asked for. */
    @Schema(description = "Open alerts, newest first")
    public record Alerts(int count, List<Alert> alerts) {
    }

    private final ForecastServiceConfig config;
    private final ForecastStore forecasts;
    private final DemandStore demand;

    public ForecastResource(ForecastServiceConfig config, ForecastStore forecasts, DemandStore demand) {
        this.config = config;
        this.forecasts = forecasts;
        this.demand = demand;
    }

    @GET
    @Path("/forecasts/{sku}")
    @Operation(summary = "Weekly demand forecast of a SKU", description = "Recomputed within seconds of every purchase or stock count of the SKU. "
            + "History runs to the last complete ISO week; weeks without sales are unknown, not zero.")
    public Response forecast(@PathParam("sku") String sku,
                             @Parameter(description = "Store id, online, or all (default)") @QueryParam("store") String store,
                             @Parameter(description = "Weeks ahead, 1-26 (default 4)") @QueryParam("horizon") String horizon) throws Exception {
        Optional<Response> bad = badId("sku", sku).or(() -> badId("store", store));
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<Integer> weeks = intParam(horizon, DEFAULT_HORIZON, 1, config.recompute().horizon());
        if (weeks.isEmpty()) {
            return outOfRange("horizon", horizon, 1, config.recompute().horizon());
        }
        String where = storeOf(store);
        Optional<InventoryForecast> f = forecasts.forecast(sku, where);
        if (f.isEmpty()) {
            return notFound(sku, where);
        }
        InventoryForecast v = f.get();
        List<Point> points = v.points().stream().limit(weeks.get()).map(p -> new Point(p.week(), p.weekStart(), p.horizon(), p.forecast(), p.p50(),
                p.lower80(), p.upper80(), p.lower95(), p.upper95())).toList();
        return Response.ok(new ForecastAnswer(v.sku(), v.store(), v.model(), v.backtestMase(), v.historyWeeks(), v.observedWeeks(),
                v.generatedAt(), points)).build();
    }

    @GET
    @Path("/forecasts/{sku}/history")
    @Operation(summary = "Weekly sales of a SKU", description = "The weeks the forecast learns from, up to the last complete ISO week")
    public Response history(@PathParam("sku") String sku,
                            @Parameter(description = "Store id, online, or all (default)") @QueryParam("store") String store,
                            @Parameter(description = "Weeks back, 1-156 (default 26)") @QueryParam("weeks") String weeks) throws Exception {
        Optional<Response> bad = badId("sku", sku).or(() -> badId("store", store));
        if (bad.isPresent()) {
            return bad.get();
        }
        Optional<Integer> n = intParam(weeks, DEFAULT_HISTORY, 1, MAX_HISTORY);
        if (n.isEmpty()) {
            return outOfRange("weeks", weeks, 1, MAX_HISTORY);
        }
        String where = storeOf(store);
        LocalDate current = Weeks.weekOf(Instant.now());
        SortedMap<LocalDate, Long> sold = new TreeMap<>();
        for (DemandStore.Week w : demand.weeks(sku, current.minusWeeks(n.get()), current)) {
            if (InventoryForecast.ALL_STORES.equals(where) || where.equals(w.store())) {
                sold.merge(w.week(), w.quantity(), Long::sum);
            }
        }
        return Response.ok(new History(sku, where, sold.entrySet().stream()
                .map(e -> new Sold(Weeks.label(e.getKey()), Weeks.start(e.getKey()), e.getValue())).toList())).build();
    }

    @GET
    @Path("/inventory/{sku}/policy")
    @Operation(summary = "Replenishment policy of a SKU at a store", description = "Safety stock and reorder point from the forecast's error "
            + "distribution at the service level of the SKU's ABC class; order quantity by EOQ within the configured limits.")
    public Response policy(@PathParam("sku") String sku, @Parameter(description = "Store id, online, or all (default)") @QueryParam("store") String store)
            throws Exception {
        Optional<Response> bad = badId("sku", sku).or(() -> badId("store", store));
        if (bad.isPresent()) {
            return bad.get();
        }
        String where = storeOf(store);
        Optional<ForecastStore.PolicyRow> found = forecasts.policy(sku, where);
        if (found.isEmpty()) {
            return notFound(sku, where);
        }
        ForecastStore.PolicyRow p = found.get();
        Integer onHand = null;
        Instant countedAt = null;
        for (var e : demand.counts(sku).entrySet()) {
            if (where.equals(InventoryForecast.ALL_STORES) || where.equals(e.getKey())) {
                onHand = (onHand == null ? 0 : onHand) + e.getValue().onHand();
                countedAt = countedAt == null || e.getValue().countedAt().isAfter(countedAt) ? e.getValue().countedAt() : countedAt;
            }
        }
        Double order = onHand == null ? null : onHand >= p.reorderPoint() ? 0.0 : Math.max(p.orderQuantity(), p.reorderPoint() - onHand);
        return Response.ok(new PolicyAnswer(p.sku(), p.store(), p.abcClass(), p.serviceLevel(), r(p.expectedWeeklyDemand()), r(p.protectionDemand()),
                r(p.safetyStock()), r(p.reorderPoint()), finite(p.orderQuantity()), finite(p.overstockLevel()), onHand, countedAt, order == null ? null : finite(order),
                p.computedAt())).build();
    }

    @GET
    @Path("/alerts")
    @Operation(summary = "Open stock alerts", description = "Opened when a stock count falls below what the policy needs or above the overstock "
            + "bound; each is published on inventory.alerts.v1 when it opens and when it is resolved.")
    public Response alerts(@Parameter(description = "Only this store's") @QueryParam("store") String store,
                           @Parameter(description = "Only this SKU's") @QueryParam("sku") String sku,
                           @Parameter(description = "At most this many, 1-1000 (default 100)") @QueryParam("limit") String limit) throws Exception {
        Optional<Integer> n = intParam(limit, DEFAULT_ALERTS, 1, MAX_ALERTS);
        if (n.isEmpty()) {
            return outOfRange("limit", limit, 1, MAX_ALERTS);
        }
        Optional<Response> bad = badId("sku", sku).or(() -> badId("store", store));
        if (bad.isPresent()) {
            return bad.get();
        }
        List<Alert> out = forecasts.openAlerts(blankToNull(store), blankToNull(sku), n.get()).stream().map(a -> new Alert(a.sku(), a.store(), a.type(),
                a.onHand(), a.threshold(), a.suggestedOrder(), a.message(), a.openedAt(), a.updatedAt())).toList();
        return Response.ok(new Alerts(out.size(), out)).build();
    }

    private Response notFound(String sku, String store) throws Exception {
        List<String> stores = forecasts.stores(sku);
        return stores.isEmpty()
                ? ApiError.response(Status.NOT_FOUND, "not_found", "no sales or stock counts of SKU '" + sku + "' seen yet")
                : ApiError.response(Status.NOT_FOUND, "not_found", "SKU '" + sku + "' has nothing at store '" + store + "'; it has " + stores);
    }

    private static Response outOfRange(String name, String value, int min, int max) {
        return ApiError.response(Status.BAD_REQUEST, "out_of_range", name + " must be a whole number from " + min + " to " + max + ", was '" + value + "'");
    }

    /** An id no SKU or store can have: PostgreSQL text holds no NUL, and ids are short. */
    static Optional<Response> badId(String name, String value) {
        if (value != null && (value.indexOf('\0') >= 0 || value.length() > MAX_ID)) {
            return Optional.of(ApiError.response(Status.BAD_REQUEST, "invalid_request", name + " must be at most " + MAX_ID
                    + " characters without NUL"));
        }
        return Optional.empty();
    }

    /** A whole-number query parameter in [min, max]; empty when it is not one (a bad number is a 400, not JAX-RS's 404). */
    static Optional<Integer> intParam(String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return Optional.of(fallback);
        }
        try {
            int v = Integer.parseInt(value.trim());
            return v >= min && v <= max ? Optional.of(v) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String storeOf(String store) {
        return store == null || store.isBlank() ? InventoryForecast.ALL_STORES : store;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static double r(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? r(v) : null;
    }
}
