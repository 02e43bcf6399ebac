package io.quanyu.forecast.api;

import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.domain.route.Deadline;
import io.quanyu.forecast.domain.route.Metric;
import io.quanyu.forecast.domain.route.Point;
import io.quanyu.forecast.domain.route.RouteOptimizer;
import io.quanyu.forecast.domain.route.RoutePlan;
import io.quanyu.forecast.domain.route.RouteProblem;
import io.quanyu.forecast.domain.route.Stop;
import io.quanyu.support.ApiError;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Delivery routes from a depot to stops with demands, for vehicles of one capacity. */
@Path("/v1/routes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RouteResource {

    /** A place. */
    @Schema(description = "Planar coordinates, or longitude (x) and latitude (y) in degrees with metric haversine_km")
    public record Location(Double x, Double y) {
    }

    /** A stop to serve. */
    @Schema(description = "A delivery stop")
    public record StopInput(@Schema(description = "Unique id") String id, Double x, Double y,
                            @Schema(description = "Units it receives, in the vehicle capacity's unit") Double demand) {
    }

    /** The problem. */
    @Schema(description = "A capacitated routing problem: as many identical vehicles as needed leave the depot and return to it")
    public record RouteRequest(Location depot, List<StopInput> stops, @Schema(description = "What one vehicle carries") Double vehicleCapacity,
                               @Schema(description = "euclidean (default) or haversine_km") String metric,
                               @Schema(description = "How long the search may take, in milliseconds: 1 up to the service's time budget (its default)")
                               Long timeBudgetMs) {
    }

    /** One vehicle's tour. */
    @Schema(description = "One vehicle's tour: from the depot through the stops in order and back")
    public record RouteOut(List<String> stops, double load, double distance) {
    }

    /** The plan. */
    @Schema(description = "Routes from Clarke-Wright savings plus 2-opt, and nearest neighbour's distance for comparison")
    public record RoutePlanAnswer(String method, int vehicles, double totalDistance,
                                  @Schema(description = "Total distance of the nearest-neighbour baseline") double nearestNeighbourDistance,
                                  @Schema(description = "Share of the baseline's distance saved") double saving, List<RouteOut> routes,
                                  long tookMs,
                                  @Schema(description = "False when the time budget ran out first: the routes are then the best plan found by then "
                                          + "(valid, never longer than the baseline, possibly not as short as a full run's)") boolean complete,
                                  @Schema(description = "The time budget of one optimization, in milliseconds") long timeBudgetMs,
                                  @Schema(description = "Why the plan may be improvable; null when complete") String note) {
    }

    private final ForecastServiceConfig config;
    private final Semaphore slots;

    public RouteResource(ForecastServiceConfig config) {
        this.config = config;
        this.slots = new Semaphore(config.routes().concurrency());
    }

    @POST
    @Path("/optimize")
    @Operation(summary = "Plan delivery routes", description = "Every stop is visited once by one vehicle whose load stays within its capacity. "
            + "The search stops at the time budget (quanyu.forecast.routes.time-budget, 2 s) and answers the best plan found by then, marked complete: false.")
    @APIResponse(responseCode = "200", description = "The plan")
    @APIResponse(responseCode = "400", description = "Invalid request, with the reason")
    @APIResponse(responseCode = "413", description = "More stops than one request may carry (quanyu.forecast.routes.max-stops), or a body over the limit")
    @APIResponse(responseCode = "503", description = "Too many optimizations running; retry")
    public Response optimize(RouteRequest request) throws InterruptedException {
        int max = config.routes().maxStops();
        if (request != null && request.stops() != null && request.stops().size() > max) {
            return ApiError.response(Status.REQUEST_ENTITY_TOO_LARGE, "too_many_stops", "at most " + max + " stops per request, was "
                    + request.stops().size() + "; split the stops into several requests (by region or by day)");
        }
        RouteProblem problem;
        try {
            problem = problem(request);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Status.BAD_REQUEST, "invalid_request", e.getMessage());
        }
        // The savings list grows with the square of the stops: a few large problems at once would exhaust the heap.
        if (!slots.tryAcquire(5, TimeUnit.SECONDS)) {
            return Response.status(Status.SERVICE_UNAVAILABLE).header("Retry-After", 5).type(MediaType.APPLICATION_JSON)
                    .entity(new ApiError("unavailable", "too many route optimizations running; try again")).build();
        }
        try {
            long t0 = System.nanoTime();
            Duration budget = request.timeBudgetMs() == null ? config.routes().timeBudget() : Duration.ofMillis(request.timeBudgetMs());
            RouteOptimizer.Outcome outcome = RouteOptimizer.optimize(problem, Deadline.after(budget));
            RoutePlan plan = outcome.plan();
            double baseline = outcome.nearestNeighbourDistance();
            long took = (System.nanoTime() - t0) / 1_000_000;
            List<RouteOut> routes = plan.routes().stream().map(r -> new RouteOut(r.stopIds(), r.load(), round(r.distance()))).toList();
            String note = outcome.complete() ? null : "the time budget of " + budget.toMillis() + " ms ran out: these are the best routes found by then";
            return Response.ok(new RoutePlanAnswer(plan.method(), routes.size(), round(plan.totalDistance()), round(baseline),
                    baseline > 0 ? round(1 - plan.totalDistance() / baseline) : 0, routes, took, outcome.complete(), budget.toMillis(), note)).build();
        } finally {
            slots.release();
        }
    }

    /** The domain problem, or an IllegalArgumentException that says what is wrong with the request. */
    private RouteProblem problem(RouteRequest r) {
        check(r != null, "a JSON body with depot, stops and vehicle_capacity is required");
        Metric metric = metric(r.metric());
        check(r.depot() != null, "depot is required");
        Point depot = point("depot", r.depot().x(), r.depot().y(), metric);
        check(r.vehicleCapacity() != null && Double.isFinite(r.vehicleCapacity()) && r.vehicleCapacity() > 0,
                "vehicle_capacity must be a positive number, was " + r.vehicleCapacity());
        check(r.stops() != null && !r.stops().isEmpty(), "stops must list at least one stop");
        long budgetMs = config.routes().timeBudget().toMillis();
        check(r.timeBudgetMs() == null || (r.timeBudgetMs() >= 1 && r.timeBudgetMs() <= budgetMs),
                "time_budget_ms must be from 1 to " + budgetMs + ", was " + r.timeBudgetMs());
        int maxId = config.routes().maxIdChars();
        List<Stop> stops = new ArrayList<>(r.stops().size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < r.stops().size(); i++) {
            StopInput s = r.stops().get(i);
            String at = "stops[" + i + "]";
            check(s != null, at + " is null");
            check(s.id() != null && !s.id().isBlank(), at + ".id is required");
            check(s.id().length() <= maxId, at + ".id has " + s.id().length() + " characters; at most " + maxId);
            check(ids.add(s.id()), at + ".id '" + s.id() + "' is used twice");
            check(s.demand() != null && Double.isFinite(s.demand()) && s.demand() >= 0, at + ".demand must be a number >= 0, was " + s.demand());
            check(s.demand() <= r.vehicleCapacity(), "stop '" + s.id() + "' needs " + s.demand() + ", more than a vehicle carries ("
                    + r.vehicleCapacity() + "); split it into several stops");
            stops.add(new Stop(s.id(), point(at, s.x(), s.y(), metric), s.demand()));
        }
        return new RouteProblem(depot, stops, r.vehicleCapacity(), metric);
    }

    private static Metric metric(String name) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("euclidean")) {
            return Metric.EUCLIDEAN;
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("haversine")) {
            return Metric.HAVERSINE_KM;
        }
        throw new IllegalArgumentException("metric must be euclidean or haversine_km, was '" + name + "'");
    }

    private static Point point(String at, Double x, Double y, Metric metric) {
        check(x != null && y != null && Double.isFinite(x) && Double.isFinite(y), at + " needs finite x and y, was (" + x + ", " + y + ")");
        if (metric == Metric.HAVERSINE_KM) {
            check(Math.abs(x) <= 180 && Math.abs(y) <= 90, at + ": longitude x must be within ±180 and latitude y within ±90");
        }
        return new Point(x, y);
    }

    private static void check(boolean ok, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(reason);
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
