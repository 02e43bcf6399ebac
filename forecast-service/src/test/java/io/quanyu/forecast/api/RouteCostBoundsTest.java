package io.quanyu.forecast.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Route optimization's cost bounds (issue 17) on the real stack: requests over the stop limit are refused at once, in
 * parallel, while the service keeps answering others; the search stops at its time budget and says so.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class RouteCostBoundsTest {

    private static final long BUDGET_MS = 2000;

    @Test
    void parallelRequestsOf2000StopsGet413WithinTheBudgetWhileOtherRequestsKeepAnswering() throws Exception {
        Map<String, Object> tooMany = request(instance(2000, 1));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            long t0 = System.nanoTime();
            List<Future<Response>> large = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                large.add(pool.submit(() -> given().contentType(ContentType.JSON).body(tooMany).post("/v1/routes/optimize")));
            }
            // While they are under way: readiness and a small valid route still answer.
            List<Future<Integer>> ready = new ArrayList<>();
            List<Future<Integer>> small = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Map<String, Object> valid = request(instance(30, i));
                ready.add(pool.submit(() -> given().get("/q/health/ready").statusCode()));
                small.add(pool.submit(() -> given().contentType(ContentType.JSON).body(valid).post("/v1/routes/optimize").statusCode()));
            }
            for (Future<Response> f : large) {
                Response r = f.get(30, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as(r.asString()).isEqualTo(413);
                assertThat(r.jsonPath().getString("error")).isEqualTo("too_many_stops");
                assertThat(r.jsonPath().getString("message")).contains("at most 1000 stops", "2000");
            }
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(tookMs).as("8 refusals in parallel").isLessThan(BUDGET_MS);
            for (Future<Integer> f : ready) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
            for (Future<Integer> f : small) {
                assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSearchStopsAtItsTimeBudgetWithAValidPlanAndSaysSo() {
        // 1,000 stops in one vehicle: a single long tour, the slowest case of 2-opt.
        List<Map<String, Object>> stops = instance(1000, 3);
        Map<String, Object> body = new LinkedHashMap<>(request(stops));
        body.put("vehicle_capacity", 1e12);
        body.put("time_budget_ms", 1);
        JsonPath cut = given().contentType(ContentType.JSON).body(body).post("/v1/routes/optimize").then().statusCode(200)
                .body("complete", equalTo(false)).body("time_budget_ms", equalTo(1)).body("note", containsString("best routes found"))
                .extract().jsonPath();
        assertEveryStopOnce(cut, stops);
        assertThat(cut.getDouble("total_distance")).isLessThanOrEqualTo(cut.getDouble("nearest_neighbour_distance") + 1e-3);
        assertThat(cut.getLong("took_ms")).isLessThan(BUDGET_MS);

        // With the service's own budget the same problem is answered within it (plus checking and the baseline).
        body.remove("time_budget_ms");
        long t0 = System.nanoTime();
        JsonPath full = given().contentType(ContentType.JSON).body(body).post("/v1/routes/optimize").then().statusCode(200)
                .body("time_budget_ms", equalTo((int) BUDGET_MS)).extract().jsonPath();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        assertEveryStopOnce(full, stops);
        assertThat(full.getLong("took_ms")).isLessThan(BUDGET_MS + 1000);
        assertThat(wallMs).isLessThan(BUDGET_MS + 3000);
        if (full.getBoolean("complete")) {
            assertThat(full.getString("note")).isNull();
        }
        assertThat(full.getDouble("total_distance")).isLessThanOrEqualTo(cut.getDouble("total_distance") + 1e-3);

        body.put("time_budget_ms", BUDGET_MS + 1);
        given().contentType(ContentType.JSON).body(body).post("/v1/routes/optimize").then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("message", containsString("time_budget_ms"));
        given().contentType(ContentType.JSON).body(request(List.of(stop("x".repeat(129), 1, 1, 1)))).post("/v1/routes/optimize").then()
                .statusCode(400).body("message", containsString("at most 128"));
        given().contentType(ContentType.JSON).body(request(instance(1001, 4))).post("/v1/routes/optimize").then().statusCode(413)
                .body("error", equalTo("too_many_stops")).body("note", nullValue());
    }

    @Test
    void aChunkedRouteRequestWithinTheBodyLimitIsAnswered() throws Exception {
        // No declared length: the body is counted while it is read, and reaches the optimizer whole.
        byte[] body = new ObjectMapper().writeValueAsBytes(request(instance(200, 5)));
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/routes/optimize"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertEveryStopOnce(JsonPath.from(r.body()), instance(200, 5));
        }
    }

    private static void assertEveryStopOnce(JsonPath plan, List<Map<String, Object>> stops) {
        Set<String> seen = new HashSet<>();
        List<List<String>> routes = plan.getList("routes.stops");
        routes.forEach(route -> route.forEach(s -> assertThat(seen.add(s)).as("%s visited once", s).isTrue()));
        assertThat(seen).hasSize(stops.size());
    }

    /** Stops uniform in a 100 × 100 square with demands 1 to 10, as the forecast-routes bench draws them. */
    private static List<Map<String, Object>> instance(int n, long seed) {
        Random r = new Random(seed);
        List<Map<String, Object>> stops = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            stops.add(stop("s" + i, 100 * r.nextDouble(), 100 * r.nextDouble(), 1 + r.nextInt(10)));
        }
        return stops;
    }

    private static Map<String, Object> stop(String id, double x, double y, double demand) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("x", x);
        s.put("y", y);
        s.put("demand", demand);
        return s;
    }

    private static Map<String, Object> request(List<Map<String, Object>> stops) {
        return Map.of("depot", Map.of("x", 50, "y", 50), "stops", stops, "vehicle_capacity", 50);
    }
}
