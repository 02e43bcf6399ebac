package io.quanyu.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every service must do once started on the real broker and database: turn ready with its Kafka and
 * database checks up, and serve Prometheus metrics and its OpenAPI document. A service's test extends this
 * with {@code @QuarkusTest @WithTestResource(QuanyuInfraResource.class)}.
 */
public abstract class ServiceStartsOnRealInfraTestBase {

    @Test
    void readyWithKafkaAndDatabaseUp() {
        given().when().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Kafka connection health check", "Database connections health check"));
    }

    @Test
    void liveness() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsIncludeJvmAndHttp() {
        given().when().get("/q/metrics").then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }
}
