package io.quanyu.ads.api;

import static io.quanyu.ads.api.Ads.ADMIN;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.AdsDecision;
import io.quanyu.events.Channel;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Every allocation policy on two weeks of stored history: bounds and totals respected, decisions published on ads.decisions.v1. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class BudgetAllocationTest {

    private static final String RUN = Ads.run();
    private static final String STRONG = "B1-" + RUN;
    private static final String WEAK = "B2-" + RUN;
    private static final String THIN = "B3-" + RUN;
    private static final List<String> ALL = List.of(STRONG, WEAK, THIN);
    private static boolean ready;

    /** Registers three campaigns and publishes 14 days of cost, clicks and purchases: STRONG and WEAK every day, THIN on 3 days (once). */
    static synchronized void history() {
        if (ready) {
            return;
        }
        Ads.register(Ads.campaign(STRONG, "60", "10", "200", List.of(), List.of("a1-" + RUN))).statusCode(201);
        Ads.register(Ads.campaign(WEAK, "40", "10", "200", List.of(), List.of("a2-" + RUN))).statusCode(201);
        Ads.register(Ads.campaign(THIN, "20", "0", "100", List.of(), List.of("a3-" + RUN))).statusCode(201);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        double[] cost = new double[3];
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            for (int d = 1; d <= 14; d++) {
                Instant noon = today.minusDays(d).atTime(12, 0).toInstant(ZoneOffset.UTC);
                double[] spend = {60 + 30 * Math.sin(d), 40 + 20 * Math.cos(d), d <= 3 ? 20 : 0};
                double[] revenue = {400 * (1 - Math.exp(-spend[0] / 80)), 100 * (1 - Math.exp(-spend[1] / 60)), 30};
                for (int c = 0; c < 3; c++) {
                    if (spend[c] == 0) {
                        continue;
                    }
                    String id = RUN + "-" + c + "-" + d;
                    String user = "u:bud-" + id;
                    long micros = Math.round(spend[c] * 100) * 10_000;
                    cost[c] += micros / 1e6;
                    Ads.send(kafka, Ads.ad(EventType.AD_COST, "cost-" + id, "a:campaign:" + ALL.get(c), Channel.ADS, ALL.get(c), "a" + (c + 1) + "-" + RUN,
                                    noon.minusSeconds(7200), micros),
                            Ads.ad(EventType.AD_CLICK, "click-" + id, user, Channel.WEB, ALL.get(c), "a" + (c + 1) + "-" + RUN, noon.minusSeconds(3600), null),
                            Ads.purchase("buy-" + id, user, Channel.WEB, "bo-" + id, String.format(Locale.ROOT, "%.2f", revenue[c]), noon, null));
                }
            }
        }
        for (int c = 0; c < 3; c++) {
            double expected = cost[c];
            int days = c == 2 ? 3 : 14;
            Ads.awaitPerformance(ALL.get(c), today.minusDays(20), today, "last_touch",
                    j -> Math.abs(j.getDouble("totals.cost") - expected) < 1e-6 && j.getDouble("totals.conversions") == days);
        }
        ready = true;
    }

    @Test
    void everyPolicyRespectsTheBoundsAndTheTotalAndEveryDecisionIsPublished() {
        history();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail decisions = kafka.tail(Topics.ADS_DECISIONS)) {
            JsonPath uniform = allocate(Map.of("total_budget", 150, "policy", "uniform", "campaigns", ALL)).statusCode(200).extract().jsonPath();
            assertThat(spends(uniform)).isEqualTo(Map.of(STRONG, 50.0, WEAK, 50.0, THIN, 50.0));

            JsonPath roi = allocate(Map.of("total_budget", 150, "policy", "roi_above_mean", "campaigns", ALL)).statusCode(200).extract().jsonPath();
            assertThat(spends(roi)).containsEntry(STRONG, 140.0).containsEntry(WEAK, 10.0).containsEntry(THIN, 0.0);

            JsonPath thompson = allocate(Map.of("total_budget", 150, "policy", "thompson", "campaigns", ALL)).statusCode(200).extract().jsonPath();
            Map<String, Double> t = spends(thompson);
            assertThat(t.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(150.0);
            assertThat(t.get(STRONG)).isBetween(10.0, 200.0).isGreaterThan(t.get(WEAK));
            assertThat(t.get(WEAK)).isBetween(10.0, 200.0);
            assertThat(t.get(THIN)).isBetween(0.0, 100.0);

            Map<String, Object> body = new HashMap<>(Map.of("total_budget", 150, "policy", "optimizer", "campaigns", ALL,
                    "current", Map.of(STRONG, 80, WEAK, 50, THIN, 20), "max_change", 0.5));
            JsonPath opt = allocate(body).statusCode(200).extract().jsonPath();
            Map<String, Double> o = spends(opt);
            assertThat(o.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(150.0);
            assertThat(o.get(THIN)).isEqualTo(20.0);
            assertThat(o.get(STRONG)).isBetween(40.0, 120.0);
            assertThat(o.get(WEAK)).isBetween(25.0, 75.0);
            assertThat(opt.getList("warnings", String.class)).anySatisfy(w -> assertThat(w).contains(THIN).contains("current spend"));
            assertThat(opt.getDouble("expected_lift")).isGreaterThanOrEqualTo(0.0);
            assertThat(opt.getDouble("expected_return")).isGreaterThanOrEqualTo(opt.getDouble("current_expected_return"));

            // Without `current`, each campaign's mean daily spend of the last 14 days stands in.
            JsonPath byHistory = allocate(Map.of("total_budget", 130, "policy", "optimizer", "campaigns", List.of(STRONG, WEAK))).statusCode(200)
                    .extract().jsonPath();
            assertThat(spends(byHistory).values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(130.0);

            List<JsonPath> answers = List.of(uniform, roi, thompson, opt, byHistory);
            Set<String> ids = answers.stream().map(j -> j.getString("decision_id")).collect(Collectors.toSet());
            List<ConsumerRecord<String, byte[]>> got = decisions.await(ids.size(), r -> ids.contains(r.key()), Duration.ofSeconds(30));
            assertThat(got).hasSize(ids.size());
            for (ConsumerRecord<String, byte[]> r : got) {
                AdsDecision d = ((Decoded.Ok<AdsDecision>) EventCodec.decode(r.value(), AdsDecision.class)).value();
                JsonPath answer = answers.stream().filter(j -> j.getString("decision_id").equals(d.decisionId())).findFirst().orElseThrow();
                assertThat(d.policy()).isEqualTo(answer.getString("policy"));
                assertThat(d.currency()).isEqualTo("CNY");
                assertThat(d.allocations().stream().map(AdsDecision.CampaignSpend::spend).reduce(BigDecimal.ZERO, BigDecimal::add))
                        .isEqualByComparingTo(d.totalBudget());
            }
            given().get("/v1/budget/decisions/{id}", opt.getString("decision_id")).then().statusCode(200)
                    .body("decision_id", equalTo(opt.getString("decision_id"))).body("policy", equalTo("optimizer"));
            given().get("/v1/budget/decisions/nope").then().statusCode(404).body("error", equalTo("not_found"));
        }
    }

    @Test
    void infeasibleBudgetsAndBadRequestsAre400() {
        history();
        allocate(Map.of("total_budget", 1000, "policy", "uniform", "campaigns", ALL)).statusCode(400).body("error", equalTo("infeasible_budget"));
        allocate(Map.of("total_budget", 5, "policy", "thompson", "campaigns", ALL)).statusCode(400).body("error", equalTo("infeasible_budget"));
        allocate(Map.of("total_budget", 400, "policy", "optimizer", "campaigns", ALL, "current", Map.of(STRONG, 80, WEAK, 50, THIN, 20)))
                .statusCode(400).body("error", equalTo("infeasible_budget")).body("message", containsString("max_change"));
        allocate(Map.of("total_budget", 100, "policy", "greedy", "campaigns", ALL)).statusCode(400).body("error", equalTo("invalid_policy"));
        allocate(Map.of("policy", "uniform", "campaigns", ALL)).statusCode(400).body("error", equalTo("invalid_budget"));
        allocate(Map.of("total_budget", -1, "policy", "uniform", "campaigns", ALL)).statusCode(400).body("error", equalTo("invalid_budget"));
        allocate(Map.of("total_budget", 100, "policy", "uniform", "campaigns", List.of("no-such-" + RUN))).statusCode(400)
                .body("error", equalTo("unknown_campaign"));
        allocate(Map.of("total_budget", 100, "policy", "uniform", "campaigns", List.of(STRONG, STRONG))).statusCode(400)
                .body("error", equalTo("invalid_campaigns"));
        allocate(Map.of("total_budget", 100, "policy", "optimizer", "campaigns", ALL, "max_change", -1)).statusCode(400)
                .body("error", equalTo("invalid_max_change"));
        allocate(Map.of("total_budget", 100, "policy", "optimizer", "campaigns", ALL, "current", Map.of("x", 1))).statusCode(400)
                .body("error", equalTo("invalid_current"));
        allocate(Map.of("total_budget", 100, "policy", "uniform", "campaigns", ALL, "model", "first_touch")).statusCode(400)
                .body("error", equalTo("invalid_model"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"total_budget\": ").post("/v1/budget/allocate").then()
                .statusCode(400).body("error", org.hamcrest.Matchers.notNullValue());
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"total_budget\": \"lots\", \"policy\": \"uniform\"}")
                .post("/v1/budget/allocate").then().statusCode(400).body("error", equalTo("invalid_json"));
        given().contentType(ContentType.JSON).body(Map.of("total_budget", 100, "policy", "uniform")).post("/v1/budget/allocate").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(Map.of("total_budget", 100, "policy", "uniform"))
                .post("/v1/budget/allocate").then().statusCode(401);
        given().header("Authorization", Ads.READER).contentType(ContentType.JSON).body(Map.of("total_budget", 100, "policy", "uniform"))
                .post("/v1/budget/allocate").then().statusCode(403);
    }

    private static ValidatableResponse allocate(Map<String, ?> body) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(body).post("/v1/budget/allocate").then();
    }

    private static Map<String, Double> spends(JsonPath answer) {
        JsonPath j = Ads.json(answer.prettify());
        Map<String, Double> out = new HashMap<>();
        List<Map<String, Object>> lines = j.getList("allocations");
        for (Map<String, Object> l : new ArrayList<>(lines)) {
            out.put((String) l.get("campaign_id"), ((Number) l.get("spend")).doubleValue());
        }
        return out;
    }
}
