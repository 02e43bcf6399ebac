package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Offer and journey definitions through the API: created, replaced, stopped; bad ones refused with 400 and the reason, never 500. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class DefinitionsApiTest {

    @Test
    void offersAreCreatedReplacedAndDeactivated() {
        String id = "def-" + Eng.run();
        Eng.post("/v1/offers", Eng.fixedOffer(id, "8", "80", List.of("web"))).statusCode(201).body("offer.offer_id", equalTo(id))
                .body("active", equalTo(true)).body("granted", equalTo(0));
        Eng.post("/v1/offers", Eng.fixedOffer(id, "8", "80", List.of("web"))).statusCode(409).body("error", equalTo("exists"));
        given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body(Map.of("kind", "free_shipping", "name", "Free delivery"))
                .put("/v1/offers/{id}", id).then().statusCode(200).body("offer.kind", equalTo("free_shipping")).body("offer.offer_id", equalTo(id));
        given().header("Authorization", Eng.ADMIN).delete("/v1/offers/{id}", id).then().statusCode(204);
        given().header("Authorization", Eng.READER).get("/v1/offers/{id}", id).then().statusCode(200).body("active", equalTo(false));
        Eng.post("/v1/offers/" + id + "/grants", Map.of("customer", "u:someone")).statusCode(409);
        given().header("Authorization", Eng.ADMIN).delete("/v1/offers/{id}", "no-such-" + id).then().statusCode(404);
        given().header("Authorization", Eng.READER).get("/v1/offers/{id}", "no-such-" + id).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void badOffersAreRefusedWithTheReason() {
        Eng.post("/v1/offers", Map.of("offer_id", "x", "kind", "bogo")).statusCode(400).body("message", containsString("kind"));
        Eng.post("/v1/offers", Map.of("offer_id", "x", "kind", "percentage", "value", 150)).statusCode(400).body("message", containsString("(0, 100]"));
        Eng.post("/v1/offers", Map.of("offer_id", "x", "kind", "threshold", "value", 10)).statusCode(400).body("message", containsString("min_spend"));
        Eng.post("/v1/offers", Map.of("offer_id", "x", "kind", "free_shipping", "valid_from", "yesterday")).statusCode(400)
                .body("error", equalTo("invalid_json"));
        Eng.post("/v1/offers", "[1, 2]").statusCode(400);
        Eng.post("/v1/offers", Map.of("offer_id", "x", "kind", "free_shipping", "eligible_channels", List.of("fax"))).statusCode(400)
                .body("message", containsString("eligible_channels"));
        given().header("Authorization", Eng.ADMIN).contentType(ContentType.JSON).body("").post("/v1/offers").then().statusCode(400);
        given().header("Authorization", Eng.READER).queryParam("customer", "has space").get("/v1/offers").then().statusCode(400)
                .body("error", equalTo("invalid_customer"));
    }

    @Test
    void aCustomerSetsTheirOwnConsentOnly() {
        String me = "consent-" + Eng.run();
        String token = io.quanyu.testkit.TestCredentials.customer(me);
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("opted_out", List.of("APP", "web")))
                .put("/v1/consent/{c}", me).then().statusCode(200).body("customer_key", equalTo("u:" + me))
                .body("opted_out", equalTo(List.of("app", "web")));
        given().header("Authorization", token).get("/v1/consent/{c}", "u:" + me).then().statusCode(200).body("opted_out", equalTo(List.of("app", "web")));
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("opted_out", List.of()))
                .put("/v1/consent/{c}", "u:someone-else").then().statusCode(403);
        given().header("Authorization", token).get("/v1/consent/{c}", "u:someone-else").then().statusCode(403);
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("opted_out", List.of("fax")))
                .put("/v1/consent/{c}", me).then().statusCode(400).body("message", containsString("opted_out"));
        given().header("Authorization", token).contentType(ContentType.JSON).body(Map.of("opted_out", List.of()))
                .put("/v1/consent/{c}", me).then().statusCode(200).body("opted_out", equalTo(List.of()));
    }

    @Test
    void journeysAreCheckedAndTheirUpliftStartsEmpty() {
        String id = "jdef-" + Eng.run();
        Eng.post("/v1/journeys", Eng.cartJourney(id, "some-offer", "PT45M", 0.2, List.of("miniprogram"), Map.of("max", 2, "per", "P7D")))
                .statusCode(201).body("journey.trigger.wait", equalTo("PT45M")).body("journey.holdout_share", equalTo(0.2f));
        given().header("Authorization", Eng.READER).get("/v1/journeys/{id}/uplift", id).then().statusCode(200)
                .body("treated.entries", equalTo(0)).body("holdout.entries", equalTo(0)).body("conversion_rate_difference", equalTo(null));
        Eng.post("/v1/journeys", Eng.cartJourney("j2-" + id, "o", "thirty minutes", 0.1, List.of(), null)).statusCode(400)
                .body("message", containsString("trigger.wait"));
        Eng.post("/v1/journeys", Eng.cartJourney("j3-" + id, "o", "PT1M", 1.5, List.of(), null)).statusCode(400)
                .body("message", containsString("holdout_share"));
        Eng.post("/v1/journeys", Map.of("journey_id", "j4-" + id, "trigger", Map.of("kind", "anniversary"))).statusCode(400)
                .body("message", containsString("cart_abandoned"));
        Eng.post("/v1/journeys", Map.of("journey_id", "j5-" + id, "trigger", Map.of("kind", "birthday"))).statusCode(400)
                .body("message", containsString("action is required"));
        Eng.post("/v1/journeys", Map.of("journey_id", "j6-" + id, "trigger", Map.of("kind", "lifecycle", "lifecycle", "at_risk"),
                "branches", List.of(Map.of("when", Map.of("min_propensity", 2), "action", Map.of("kind", "grant_offer", "offer_id", "o")))))
                .statusCode(400).body("message", containsString("branches[0].when.min_propensity"));
        given().header("Authorization", Eng.ADMIN).delete("/v1/journeys/{id}", id).then().statusCode(204);
        given().header("Authorization", Eng.READER).get("/v1/journeys/{id}", id).then().statusCode(200).body("active", equalTo(false));
        given().header("Authorization", Eng.READER).get("/v1/journeys/{id}/uplift", "missing-" + id).then().statusCode(404);
    }
}
