package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The campaign registry: create, replace, read, and what it refuses (400 with a code, 401/403, 404, 409). */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class CampaignRegistryTest {

    @Test
    void campaignsAreCreatedReplacedAndRead() {
        String id = "K-" + Ads.run();
        Ads.register(Ads.campaign(id, "100.50", "20", "300", List.of("vip", "new"), List.of(id + "-a", id + "-b"))).statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/v1/campaigns/" + id))
                .body("daily_budget", equalTo(100.5f)).body("min_daily_spend", equalTo(20.0f)).body("target_segments", equalTo(List.of("new", "vip")))
                .body("ads.ad_id", equalTo(List.of(id + "-a", id + "-b"))).body("active", equalTo(true)).body("currency", equalTo("CNY"));
        Map<String, Object> update = new HashMap<>(Ads.campaign(id, "50", "0", "80", List.of(), List.of(id + "-b")));
        update.put("active", false);
        Ads.register(update).statusCode(200).body("active", equalTo(false)).body("ads.ad_id", equalTo(List.of(id + "-b")));
        given().get("/v1/campaigns/{id}", id).then().statusCode(200).body("max_daily_spend", equalTo(80.0f)).body("channels", equalTo(List.of("web", "douyin")));
        given().get("/v1/campaigns").then().statusCode(200).body("campaign_id", hasItem(id));
        given().get("/v1/campaigns/{id}", "unknown-" + id).then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void invalidCampaignsAreRefusedWithACode() {
        String id = "V-" + Ads.run();
        Map<String, Object> ok = Ads.campaign(id, "10", "0", "20", List.of(), List.of(id + "-a"));
        List<Map<String, Object>> bad = List.of(without(ok, "campaign_id"), with(ok, "campaign_id", "has space"), with(ok, "campaign_id", "a/b"),
                without(ok, "daily_budget"), with(ok, "daily_budget", -1), with(ok, "min_daily_spend", 30), with(ok, "max_daily_spend", 5),
                with(ok, "channels", List.of()), without(ok, "channels"), with(ok, "channels", List.of(" ")),
                with(ok, "ads", List.of(Map.of("ad_id", "x-" + id), Map.of("ad_id", "x-" + id))), with(ok, "ads", List.of(Map.of("name", "no id"))),
                with(ok, "daily_budget", 1e12));
        for (Map<String, Object> b : bad) {
            Ads.register(b).statusCode(400).body("error", equalTo("invalid_campaign"));
        }
        post("{\"campaign_id\": ").statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        post("[1, 2]").statusCode(400).body("error", equalTo("invalid_json"));
        post("{\"campaign_id\": \"" + id + "\", \"channels\": [\"web\"], \"daily_budget\": \"ten\"}").statusCode(400).body("error", equalTo("invalid_json"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).post("/v1/campaigns").then().statusCode(400);
        given().header("Authorization", ADMIN).contentType(ContentType.TEXT).body("x").post("/v1/campaigns").then().statusCode(415);

        // An ad id belongs to one campaign.
        Ads.register(ok).statusCode(201);
        Ads.register(Ads.campaign("W-" + id, "10", "0", "20", List.of(), List.of(id + "-a"))).statusCode(409).body("error", equalTo("ad_conflict"));
    }

    @Test
    void theRegistryIsAdminOnly() {
        Map<String, Object> body = Ads.campaign("A-" + Ads.run(), "10", "0", "20", List.of(), List.of());
        given().contentType(ContentType.JSON).body(body).post("/v1/campaigns").then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(body).post("/v1/campaigns").then().statusCode(401)
                .body("error", equalTo("invalid_token"));
        given().header("Authorization", Ads.READER).contentType(ContentType.JSON).body(body).post("/v1/campaigns").then().statusCode(403)
                .body("error", equalTo("forbidden"));
        assertThat(given().get("/v1/campaigns").then().statusCode(200).extract().jsonPath().getList("campaign_id")).doesNotContain(body.get("campaign_id"));
    }

    private static ValidatableResponse post(String json) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(json).post("/v1/campaigns").then();
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> m = new HashMap<>(base);
        m.put(key, value);
        return m;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> m = new HashMap<>(base);
        m.remove(key);
        return m;
    }
}
