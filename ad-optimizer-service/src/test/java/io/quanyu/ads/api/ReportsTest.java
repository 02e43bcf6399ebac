package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ad;
import static io.quanyu.ads.api.Ads.purchase;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The seeds' ROI report (JSON and SVG), the A/B comparison of two ads, and what the report endpoints refuse. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ReportsTest {

    @Test
    void roiReportFollowsTheSeedsRuleAsJsonAndSvg() throws Exception {
        String run = Ads.run();
        String good = "R1-" + run;
        String poor = "R2-" + run;
        // A period of its own (no other test has data in it): 100 spent on each, 300 and 100 earned back.
        LocalDate day = LocalDate.of(2020, 3, 2);
        Instant t = day.atTime(10, 0).toInstant(ZoneOffset.UTC);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Ads.send(kafka, ad(EventType.AD_COST, "rc1-" + run, "a:campaign:" + good, Channel.ADS, good, "r1", t, 100_000_000L),
                    ad(EventType.AD_COST, "rc2-" + run, "a:campaign:" + poor, Channel.ADS, poor, "r2", t, 100_000_000L),
                    ad(EventType.AD_CLICK, "rk1-" + run, "u:r1-" + run, Channel.WEB, good, "r1", t, null),
                    ad(EventType.AD_CLICK, "rk2-" + run, "u:r2-" + run, Channel.WEB, poor, "r2", t, null),
                    purchase("rp1-" + run, "u:r1-" + run, Channel.WEB, "ro1-" + run, "300.00", t.plusSeconds(600), null),
                    purchase("rp2-" + run, "u:r2-" + run, Channel.WEB, "ro2-" + run, "100.00", t.plusSeconds(600), null));
            Ads.awaitPerformance(poor, day, day, "last_touch", j -> j.getDouble("totals.revenue") == 100.0);
            Ads.awaitPerformance(good, day, day, "last_touch", j -> j.getDouble("totals.revenue") == 300.0);
        }
        JsonPath report = Ads.json(given().queryParam("from", "2020-03-01").queryParam("to", "2020-03-05").get("/v1/reports/roi").then()
                .statusCode(200).extract().body().asString());
        assertThat(report.getDouble("mean_seeds_roi")).isCloseTo(2.0, within(1e-9));
        assertThat(report.getDouble("overall_seeds_roi")).isCloseTo(2.0, within(1e-9));
        assertThat(report.getInt("kept")).isEqualTo(1);
        Map<String, Object> r1 = row(report, good);
        assertThat(r1).containsEntry("cost", 100.0).containsEntry("revenue", 300.0).containsEntry("seeds_roi", 3.0).containsEntry("profit_roi", 2.0)
                .containsEntry("kept_by_seeds_rule", true);
        assertThat(row(report, poor)).containsEntry("seeds_roi", 1.0).containsEntry("profit_roi", 0.0).containsEntry("kept_by_seeds_rule", false);

        for (var svg : List.of(given().accept("image/svg+xml").queryParam("from", "2020-03-01").queryParam("to", "2020-03-05"),
                given().queryParam("format", "svg").queryParam("from", "2020-03-01").queryParam("to", "2020-03-05"))) {
            var answer = svg.get("/v1/reports/roi").then().statusCode(200).contentType("image/svg+xml").extract().body().asString();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(answer.getBytes(StandardCharsets.UTF_8)));
            assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
            assertThat(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle").getLength()).isGreaterThanOrEqualTo(2 + 2);
            assertThat(answer).contains(good).contains(poor);
        }
        given().queryParam("format", "pdf").get("/v1/reports/roi").then().statusCode(400).body("error", equalTo("invalid_format"));
        given().queryParam("model", "first").get("/v1/reports/roi").then().statusCode(400).body("error", equalTo("invalid_model"));
    }

    @Test
    void experimentsCompareTwoAdsWithTheSampleSizeWarning() {
        String run = Ads.run();
        String campaign = "E-" + run;
        String a = "ea-" + run;
        String b = "eb-" + run;
        Instant t = LocalDate.of(2020, 4, 2).atTime(9, 0).toInstant(ZoneOffset.UTC);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(ad(EventType.AD_CLICK, "eca-" + run + i, "u:ea-" + run + i, Channel.WEB, campaign, a, t, null));
            events.add(ad(EventType.AD_CLICK, "ecb-" + run + i, "u:eb-" + run + i, Channel.WEB, campaign, b, t, null));
            if (i < 2) {
                events.add(purchase("epa-" + run + i, "u:ea-" + run + i, Channel.WEB, "eoa-" + run + i, "50.00", t.plusSeconds(60), null));
            }
            if (i < 8) {
                events.add(purchase("epb-" + run + i, "u:eb-" + run + i, Channel.WEB, "eob-" + run + i, (i % 2 == 0 ? "40.00" : "60.00"),
                        t.plusSeconds(60), null));
            }
        }
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Ads.send(kafka, events.toArray(CloudEvent[]::new));
            Ads.awaitPerformance(campaign, LocalDate.of(2020, 4, 1), LocalDate.of(2020, 4, 3), "last_touch",
                    j -> j.getDouble("totals.conversions") == 10.0 && j.getLong("totals.clicks") == 40);
        }
        JsonPath c = Ads.json(given().queryParam("a", a).queryParam("b", b).queryParam("from", "2020-04-01").queryParam("to", "2020-04-03")
                .get("/v1/experiments/compare").then().statusCode(200).extract().body().asString());
        assertThat(c.getLong("a.clicks")).isEqualTo(20);
        assertThat(c.getLong("a.conversions")).isEqualTo(2);
        assertThat(c.getLong("b.conversions")).isEqualTo(8);
        assertThat(c.getString("a.campaign_id")).isEqualTo(campaign);
        assertThat(c.getDouble("conversion.rate_a")).isEqualTo(0.1);
        assertThat(c.getDouble("conversion.rate_b")).isEqualTo(0.4);
        assertThat(c.getDouble("conversion.p_value")).isBetween(0.0, 0.05);
        assertThat(c.getLong("conversion.required_per_arm")).isGreaterThan(20);
        assertThat(c.getDouble("revenue_per_click.mean_a")).isCloseTo(5.0, within(1e-9));
        assertThat(c.getDouble("revenue_per_click.mean_b")).isCloseTo(20.0, within(1e-9));
        assertThat(c.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).contains("underpowered"));

        given().queryParam("b", b).get("/v1/experiments/compare").then().statusCode(400).body("error", equalTo("invalid_a"));
        given().queryParam("a", a).queryParam("b", a).get("/v1/experiments/compare").then().statusCode(400).body("error", equalTo("invalid_b"));
        given().queryParam("a", a).queryParam("b", b).queryParam("mde", "2").get("/v1/experiments/compare").then().statusCode(400)
                .body("error", equalTo("invalid_mde"));
        given().queryParam("a", a).queryParam("b", "nobody-" + run).get("/v1/experiments/compare").then().statusCode(404);
    }

    @Test
    void badQueryParametersAre400AndUnknownCampaignsAre404() {
        String known = "P-" + Ads.run();
        Ads.register(Ads.campaign(known, "10", "0", "20", List.of(), List.of())).statusCode(201);
        given().get("/v1/campaigns/{id}/performance", known).then().statusCode(200).body("registered", equalTo(true))
                .body("totals.impressions", equalTo(0)).body("totals.ctr", equalTo(null)).body("totals.roas", equalTo(null));
        given().get("/v1/campaigns/{id}/performance", "nothing-" + Ads.run()).then().statusCode(404).body("error", equalTo("not_found"));
        for (String[] bad : new String[][] {{"from", "2020-13-01", "invalid_date"}, {"to", "yesterday", "invalid_date"},
                {"model", "first_touch", "invalid_model"}, {"by", "week", "invalid_by"}, {"from", "2999-01-01", "invalid_range"},
                {"from", "1990-01-01", "range_too_long"}}) {
            given().queryParam(bad[0], bad[1]).get("/v1/campaigns/{id}/performance", known).then().statusCode(400).body("error", equalTo(bad[2]));
        }
        given().queryParam("by", "day,channel").get("/v1/campaigns/{id}/performance", known).then().statusCode(200).body("by", equalTo("day,channel"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonPath report, String campaign) {
        return ((List<Map<String, Object>>) (List<?>) report.getList("campaigns")).stream().filter(r -> campaign.equals(r.get("campaign_id")))
                .findFirst().orElseThrow();
    }
}
