package io.quanyu.forecast.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import io.quanyu.forecast.domain.Weeks;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx with a reason, never a 500; the routes endpoint serves every stop once within capacity. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ForecastApiRulesTest {

    @Test
    void badForecastPolicyAndAlertRequestsAreRejectedWithReasons() throws Exception {
        String sku = "sku-e-" + UUID.randomUUID().toString().substring(0, 8);
        given().get("/v1/forecasts/" + sku).then().statusCode(404).body("error", equalTo("not_found"));
        given().get("/v1/inventory/" + sku + "/policy").then().statusCode(404).body("error", equalTo("not_found"));
        for (String horizon : List.of("0", "27", "-1", "abc", "1.5", "99999999999")) {
            given().queryParam("horizon", horizon).get("/v1/forecasts/" + sku).then().statusCode(400).body("error", equalTo("out_of_range"))
                    .body("message", containsString("horizon"));
        }
        for (String limit : List.of("0", "1001", "x")) {
            given().queryParam("limit", limit).get("/v1/alerts").then().statusCode(400).body("error", equalTo("out_of_range"));
        }
        given().queryParam("store", "nowhere").get("/v1/alerts").then().statusCode(200).body("count", equalTo(0));
        given().queryParam("store", "a\u0000b").get("/v1/forecasts/" + sku).then().statusCode(400).body("error", equalTo("invalid_request"));
        given().queryParam("sku", "a\u0000b").get("/v1/alerts").then().statusCode(400);
        given().get("/v1/inventory/" + "x".repeat(300) + "/policy").then().statusCode(400);

        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.sendAll(Shop.records(List.of(Shop.purchase(sku + "-1", "a:card-" + sku, sku, "store-e", Shop.weekAgo(1), 9, 3, "2.00"),
                    Shop.purchase(sku + "-2", "a:card-" + sku, sku, "store-f", Shop.weekAgo(1), 10, 2, "2.00"),
                    Shop.purchase(sku + "-3", "a:card-" + sku, sku, "store-e", Shop.weekAgo(3), 9, 5, "2.00"),
                    // This week's sale is not history yet.
                    Shop.purchase(sku + "-4", "a:card-" + sku, sku, "store-e", Shop.weekAgo(0), 0, 7, "2.00"))));
        }
        Shop.awaitForecast(sku, "store-e", 1, 2);
        given().queryParam("store", "store-x").get("/v1/forecasts/" + sku).then().statusCode(404).body("message", containsString("store-e"));
        given().queryParam("store", "store-x").get("/v1/inventory/" + sku + "/policy").then().statusCode(404);
        given().queryParam("horizon", 26).get("/v1/forecasts/" + sku).then().statusCode(200).body("points.size()", equalTo(26));
        given().get("/v1/forecasts/" + sku).then().statusCode(200).body("store", equalTo("all")).body("points.size()", equalTo(4));

        // The history the console draws before the forecast: complete weeks only, oldest first, summed over stores for all.
        given().get("/v1/forecasts/" + sku + "/history").then().statusCode(200).body("store", equalTo("all"))
                .body("weeks.quantity", equalTo(List.of(5, 5))).body("weeks[1].week", equalTo(Weeks.label(Shop.weekAgo(1))));
        given().queryParam("store", "store-e").get("/v1/forecasts/" + sku + "/history").then().statusCode(200).body("weeks.quantity", equalTo(List.of(5, 3)));
        given().queryParam("store", "store-e").queryParam("weeks", 2).get("/v1/forecasts/" + sku + "/history").then().statusCode(200)
                .body("weeks.quantity", equalTo(List.of(3)));
        given().queryParam("store", "store-x").get("/v1/forecasts/" + sku + "/history").then().statusCode(200).body("weeks.size()", equalTo(0));
        for (String weeks : List.of("0", "157", "x")) {
            given().queryParam("weeks", weeks).get("/v1/forecasts/" + sku + "/history").then().statusCode(400).body("error", equalTo("out_of_range"));
        }
    }

    @Test
    void routesVisitEveryStopOnceWithinCapacityAndBeatNearestNeighbour() {
        Random r = new Random(7);
        List<Map<String, Object>> stops = new ArrayList<>();
        Map<String, Double> demand = new HashMap<>();
        for (int i = 0; i < 80; i++) {
            double d = 1 + r.nextInt(10);
            demand.put("s" + i, d);
            stops.add(stop("s" + i, 100 * r.nextDouble(), 100 * r.nextDouble(), d));
        }
        JsonPath plan = given().contentType(ContentType.JSON).body(request(stops, 50)).post("/v1/routes/optimize").then().statusCode(200)
                .extract().jsonPath();
        List<List<String>> routes = plan.getList("routes.stops");
        Set<String> seen = new HashSet<>();
        routes.forEach(route -> route.forEach(s -> assertThat(seen.add(s)).as("%s visited once", s).isTrue()));
        assertThat(seen).isEqualTo(demand.keySet());
        double total = 0;
        for (int i = 0; i < routes.size(); i++) {
            double load = routes.get(i).stream().mapToDouble(demand::get).sum();
            assertThat(load).isLessThanOrEqualTo(50);
            assertThat(plan.getDouble("routes[" + i + "].load")).isCloseTo((float) load, org.assertj.core.data.Offset.offset(1e-3));
            total += plan.getDouble("routes[" + i + "].distance");
        }
        assertThat(plan.getInt("vehicles")).isEqualTo(routes.size()).isGreaterThanOrEqualTo(9);
        assertThat(plan.getDouble("total_distance")).isCloseTo(total, org.assertj.core.data.Offset.offset(0.1))
                .isLessThanOrEqualTo(plan.getDouble("nearest_neighbour_distance") + 1e-3);

        given().contentType(ContentType.JSON).body(Map.of("depot", Map.of("x", 116.40, "y", 39.90), "vehicle_capacity", 10, "metric", "haversine_km",
                "stops", List.of(stop("a", 116.30, 39.95, 3), stop("b", 121.47, 31.23, 4)))).post("/v1/routes/optimize").then().statusCode(200)
                .body("total_distance", notNullValue());
    }

    @Test
    void invalidRouteRequestsAreRejectedWithAReason() {
        List<Map<String, Object>> two = List.of(stop("a", 1, 1, 3), stop("b", 2, 2, 4));
        assertRejected(request(List.of(), 10), "at least one stop");
        assertRejected(request(List.of(stop("a", 1, 1, 3), stop("big", 2, 2, 11)), 10), "big");
        assertRejected(request(List.of(stop("a", "NaN", 1, 3)), 10), "finite");
        assertRejected(request(List.of(stop("a", 1, 1, -2)), 10), "demand");
        assertRejected(request(List.of(stop("a", 1, 1, 2), stop("a", 3, 3, 2)), 10), "twice");
        assertRejected(request(two, 0), "vehicle_capacity");
        assertRejected(request(two, "Infinity"), "vehicle_capacity");
        Map<String, Object> noDepot = new LinkedHashMap<>(request(two, 10));
        noDepot.remove("depot");
        assertRejected(noDepot, "depot");
        Map<String, Object> manhattan = new LinkedHashMap<>(request(two, 10));
        manhattan.put("metric", "manhattan");
        assertRejected(manhattan, "metric");
        Map<String, Object> offEarth = new LinkedHashMap<>(request(List.of(stop("a", 10, 95, 1)), 10));
        offEarth.put("metric", "haversine_km");
        assertRejected(offEarth, "latitude");

        given().contentType(ContentType.JSON).body("{\"depot\":{\"x\":\"abc\",\"y\":1},\"stops\":[],\"vehicle_capacity\":1}")
                .post("/v1/routes/optimize").then().statusCode(400).body("error", equalTo("invalid_json")).body("message", containsString("depot"));
        for (String body : List.of("", "not json", "[1,2]", "{\"stops\": 5}")) {
            int status = given().contentType(ContentType.JSON).body(body).post("/v1/routes/optimize").then().body("error", notNullValue())
                    .extract().statusCode();
            assertThat(status).as(body).isBetween(400, 499);
        }
    }

    private static void assertRejected(Map<String, Object> body, String reason) {
        given().contentType(ContentType.JSON).body(body).post("/v1/routes/optimize").then().statusCode(400)
                .body("error", equalTo("invalid_request")).body("message", containsString(reason));
    }

    private static Map<String, Object> stop(String id, Object x, Object y, Object demand) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("id", id);
        s.put("x", x);
        s.put("y", y);
        s.put("demand", demand);
        return s;
    }

    private static Map<String, Object> request(List<Map<String, Object>> stops, Object capacity) {
        return Map.of("depot", Map.of("x", 50, "y", 50), "stops", stops, "vehicle_capacity", capacity);
    }
}
