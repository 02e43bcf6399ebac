package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** coupon_redeemed events against offers on the real stack: channel, per-customer limit and budget enforced, a missing discount computed. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class RedemptionTest {

    @Inject
    DataSource dataSource;

    @Test
    void channelLimitAndBudgetAreEnforcedOncePerEvent() {
        String run = Eng.run();
        String offer = "r-" + run;
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "30", "50", List.of("store"))).statusCode(201);
        String a = "u:ra-" + run;
        String b = "u:rb-" + run;
        String codeA = grant(offer, a);
        String codeB = grant(offer, b);
        Instant t = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            // A's own device reports the code used (a client key): refused, and it does not use up A's limit.
            Eng.send(kafka, Eng.event(run + "-0", a, Channel.STORE, io.quanyu.events.EventType.COUPON_REDEEMED, t.minusSeconds(1),
                    new io.quanyu.events.data.CouponRedeemed(codeA, "o0", new java.math.BigDecimal("30"), "CNY")));
            Eng.send(kafka, Eng.redeemed(run + "-1", a, Channel.WEB, codeA, null, "30", t),
                    Eng.redeemed(run + "-2", a, Channel.STORE, codeA.toLowerCase(), "o1", "30", t.plusSeconds(1)),
                    Eng.redeemed(run + "-2", a, Channel.STORE, codeA, "o1", "30", t.plusSeconds(1)),
                    Eng.redeemed(run + "-3", a, Channel.STORE, codeA, "o2", "30", t.plusSeconds(2)),
                    Eng.redeemed(run + "-4", b, Channel.STORE, codeB, "o3", "30", t.plusSeconds(3)));
        }
        Eng.await(() -> reasons(run).size() == 5, "five redemptions stored");
        assertThat(reasons(run)).containsEntry(run + "-0", "unverified_source").containsEntry(run + "-1", "channel_not_eligible").containsEntry(run + "-2", "accepted")
                .containsEntry(run + "-3", "customer_limit").containsEntry(run + "-4", "budget_exhausted");
        JsonPath o = Eng.json(given().header("Authorization", Eng.READER).get("/v1/offers/{id}", offer).asString());
        assertThat(o.getLong("redemptions")).isEqualTo(1);
        assertThat(o.getDouble("spent")).isEqualTo(30.0);
        assertThat(o.getDouble("budget_left")).isEqualTo(20.0);
        assertThat(o.getLong("granted")).isEqualTo(2);
        // B's code is live (budget is left for a smaller order); A's is used up.
        assertThat(given().header("Authorization", Eng.READER).queryParam("customer", b).get("/v1/offers").jsonPath().getList("offers.code"))
                .containsExactly(codeB);
        assertThat(given().header("Authorization", Eng.READER).queryParam("customer", a).get("/v1/offers").jsonPath().getList("offers")).isEmpty();
    }

    @Test
    void aRedemptionWithoutDiscountTakesTheOffersShareOfTheOrder() {
        String run = Eng.run();
        String offer = "pct-" + run;
        Map<String, Object> pct = new HashMap<>(Map.of("offer_id", offer, "kind", "percentage", "value", new BigDecimal("10")));
        Eng.post("/v1/offers", pct).statusCode(201);
        String c = "u:rc-" + run;
        String code = grant(offer, c);
        Instant t = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Eng.send(kafka, Eng.purchase(run + "-p", c, Channel.APP, "ord-" + run, "200.00", t),
                    Eng.redeemed(run + "-r", c, Channel.APP, code, "ord-" + run, null, t));
        }
        Eng.await(() -> reasons(run).size() == 1, "the redemption stored");
        assertThat(reasons(run)).containsEntry(run + "-r", "accepted");
        assertThat(Eng.json(given().header("Authorization", Eng.READER).get("/v1/offers/{id}", offer).asString()).getDouble("spent")).isEqualTo(20.0);
    }

    private static String grant(String offer, String customer) {
        return Eng.post("/v1/offers/" + offer + "/grants", Map.of("customer", customer)).statusCode(201).extract().path("code");
    }

    private Map<String, String> reasons(String run) {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT event_id, accepted, reason FROM redemption WHERE event_id LIKE ?")) {
            s.setString(1, run + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBoolean(2) ? "accepted" : rs.getString(3));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
