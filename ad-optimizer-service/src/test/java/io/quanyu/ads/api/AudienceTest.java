package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ADMIN;
import static io.quanyu.ads.api.Ads.READER;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.ads.store.CustomerStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A campaign's audience from the portraits on profile.updates.v1: ranked, filtered or boosted by its target segments, JSON or CSV. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class AudienceTest {

    @Inject
    CustomerStore customers;

    @Test
    void audiencesAreRankedByPropensityWithinTheTargetSegments() {
        String run = Ads.run();
        String target = "seg-" + run;
        String campaign = "AU-" + run;
        Ads.register(Ads.campaign(campaign, "10", "0", "20", List.of(target), List.of())).statusCode(201);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Ads.profile(kafka, "c1-" + run, List.of("u:c1-" + run), List.of(target), 0.2);
            Ads.profile(kafka, "c2-" + run, List.of("u:c2-" + run), List.of(target, "staff-" + run), 0.9);
            Ads.profile(kafka, "c3-" + run, List.of("u:c3-" + run), List.of(target), 0.6);
            Ads.profile(kafka, "c4-" + run, List.of("u:c4-" + run), List.of("other"), 0.99);
            Ads.await(() -> linked("u:c4-" + run) && linked("u:c1-" + run) && linked("u:c2-" + run) && linked("u:c3-" + run), "four portraits");
        }
        JsonPath filter = given().header("Authorization", READER).get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200).extract().jsonPath();
        assertThat(filter.getList("members.customer_id", String.class)).containsExactly("c2-" + run, "c3-" + run, "c1-" + run);
        assertThat(filter.getString("mode")).isEqualTo("filter");

        JsonPath excluded = given().header("Authorization", READER).queryParam("exclude", "staff-" + run).queryParam("limit", 1)
                .get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200).extract().jsonPath();
        assertThat(excluded.getList("members.customer_id", String.class)).containsExactly("c3-" + run);

        JsonPath boost = given().header("Authorization", READER).queryParam("mode", "boost").queryParam("boost", "1").queryParam("limit", 3)
                .get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200).extract().jsonPath();
        // 0.9 × 2 = 1.8 and 0.6 × 2 = 1.2 beat the untargeted 0.99.
        assertThat(boost.getList("members.customer_id", String.class)).containsExactly("c2-" + run, "c3-" + run, "c4-" + run);

        var csv = given().header("Authorization", READER).queryParam("format", "csv").get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200)
                .contentType("text/csv").header("Content-Disposition", "attachment; filename=\"audience-" + campaign + ".csv\"").extract().body().asString();
        assertThat(csv.lines().toList()).containsExactly("customer_id,score,propensity,matched_segments", "c2-" + run + ",0.9,0.9," + target,
                "c3-" + run + ",0.6,0.6," + target, "c1-" + run + ",0.2,0.2," + target);
        assertThat(given().header("Authorization", READER).accept("text/csv").get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200)
                .extract().body().asString()).startsWith("customer_id,");

        given().get("/v1/campaigns/{id}/audience", campaign).then().statusCode(401);
        given().header("Authorization", ADMIN).get("/v1/campaigns/{id}/audience", campaign).then().statusCode(200);
        given().header("Authorization", io.quanyu.testkit.TestCredentials.customer("aud-" + run)).get("/v1/campaigns/{id}/audience", campaign)
                .then().statusCode(403);
        given().header("Authorization", READER).get("/v1/campaigns/{id}/audience", "none-" + run).then().statusCode(404);
        for (String[] bad : new String[][] {{"limit", "0", "invalid_limit"}, {"limit", "many", "invalid_limit"}, {"mode", "lookalike", "invalid_mode"},
                {"boost", "-1", "invalid_boost"}, {"format", "xlsx", "invalid_format"}}) {
            given().header("Authorization", READER).queryParam(bad[0], bad[1]).get("/v1/campaigns/{id}/audience", campaign).then().statusCode(400)
                    .body("error", equalTo(bad[2]));
        }
    }

    private boolean linked(String key) {
        try {
            return customers.linked(key);
        } catch (Exception e) {
            return false;
        }
    }
}
