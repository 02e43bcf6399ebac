package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.engagement.domain.Uplift;
import io.quanyu.engagement.messaging.Sweeper;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance on the real broker and database: a web cart abandoned and not bought within the wait gets exactly
 * one offer action (also after the events are sent again and the sweep decides the trigger again), the code is redeemed
 * in a store, counted against the budget once and in the journey's uplift; an opted-out or frequency-capped customer,
 * a held-out one and one who bought within the wait get none.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class CartAbandonedAcceptanceTest {

    private static final double SHARE = 0.3;

    @Inject
    DataSource dataSource;

    @Inject
    Sweeper sweeper;

    @Test
    void anAbandonedWebCartGetsOneOfferRedeemedInAStoreAndMeasuredAgainstTheHoldout() throws Exception {
        String run = Eng.run();
        String offer = "back-" + run;
        String journey = "cart-" + run;
        // Only this journey runs: others of the suite's tests would enter the same customers and count against the cap.
        Eng.stopAllJourneys();
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "20", "100", List.of("web", "store"))).statusCode(201);
        Eng.post("/v1/journeys", Eng.cartJourney(journey, offer, "PT2S", SHARE, List.of("web"), Map.of("max", 1, "per", "P1D"))).statusCode(201);

        String t1 = Eng.customer(run, "t1", journey, SHARE, false);
        String t2 = Eng.customer(run, "t2", journey, SHARE, false);
        String capped = Eng.customer(run, "cap", journey, SHARE, false);
        String optedOut = Eng.customer(run, "out", journey, SHARE, false);
        String bought = Eng.customer(run, "buy", journey, SHARE, false);
        String h1 = Eng.customer(run, "h1", journey, SHARE, true);
        String h2 = Eng.customer(run, "h2", journey, SHARE, true);
        Instant now = Instant.now();
        List<CloudEvent> carts = List.of(Eng.cart(run + "-c-t1", t1, Channel.WEB, "sku-9", now), Eng.cart(run + "-c-t2", t2, Channel.WEB, "sku-9", now),
                Eng.cart(run + "-c-cap", capped, Channel.WEB, "sku-9", now), Eng.cart(run + "-c-out", optedOut, Channel.WEB, "sku-9", now),
                Eng.cart(run + "-c-buy", bought, Channel.WEB, "sku-9", now), Eng.cart(run + "-c-h1", h1, Channel.WEB, "sku-9", now),
                Eng.cart(run + "-c-h2", h2, Channel.WEB, "sku-9", now),
                // The same cart again within the wait, and a store basket: neither is a second abandoned web cart.
                Eng.cart(run + "-c-t1b", t1, Channel.WEB, "sku-10", now.plusMillis(300)), Eng.cart(run + "-c-t2s", t2, Channel.STORE, "sku-9", now));
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail actions = kafka.tail(Topics.ENGAGEMENT_ACTIONS)) {
            Eng.send(kafka, Eng.optOut(run + "-id-out", optedOut.substring(2), "web,app", now.minusSeconds(60)));
            Eng.send(kafka, carts.toArray(CloudEvent[]::new));
            Eng.send(kafka, Eng.purchase(run + "-p-buy", bought, Channel.WEB, "o-" + run + "-buy", "99.00", now.plusMillis(500)));

            List<EngagementAction> first = actionsOf(actions.await(3, r -> journeyOf(r, journey), Duration.ofSeconds(60)));
            assertThat(first).extracting(EngagementAction::customerKey).containsExactlyInAnyOrder(t1, t2, capped);
            assertThat(first).allSatisfy(a -> {
                assertThat(a.kind()).isEqualTo(EngagementAction.GRANT_OFFER);
                assertThat(a.offerId()).isEqualTo(offer);
                assertThat(a.channel()).isEqualTo("web");
                assertThat(a.code()).matches("[0-9A-HJKMNP-TV-Z]{12}");
            });
            Eng.await(() -> decided(journey) == 7, "all seven web triggers decided");
            assertThat(states(journey)).containsEntry(optedOut, "suppressed_consent").containsEntry(bought, "converted")
                    .containsEntry(h1, "holdout").containsEntry(h2, "holdout").containsEntry(t1, "acted");

            // Redelivery: every cart change again, same ids. Then the sweep decides T1's trigger again, twice over: with its
            // state reset (a lost update), and with its entry gone too, where only the action's unique key stands.
            Eng.send(kafka, carts.toArray(CloudEvent[]::new));
            sql("UPDATE journey_trigger SET state = 'pending' WHERE journey_id = ? AND customer_key = ?", journey, t1);
            sweeper.sweepOnce(Instant.now());
            // (Entry first: the trigger is not pending meanwhile, so the running sweep cannot decide it in between.)
            sql("DELETE FROM journey_entry WHERE journey_id = ? AND customer_key = ?", journey, t1);
            sql("UPDATE journey_trigger SET state = 'pending' WHERE journey_id = ? AND customer_key = ?", journey, t1);
            sweeper.sweepOnce(Instant.now());
            Eng.await(() -> "acted".equals(states(journey).get(t1)), "T1 decided again");
            assertThat(count("SELECT count(*) FROM journey_entry WHERE journey_id = ? AND customer_key = '" + t1 + "'", journey)).isEqualTo(1);

            // The capped customer abandons a second cart after the first offer: the cap (1 a day) holds it back.
            Eng.send(kafka, Eng.cart(run + "-c-cap2", capped, Channel.WEB, "sku-11", Instant.now()));
            Eng.await(() -> states(journey).values().stream().filter("suppressed_cap"::equals).count() == 1, "the second cart of the capped customer");
            List<EngagementAction> all = actionsOf(actions.await(4, r -> journeyOf(r, journey), Duration.ofSeconds(5)));
            assertThat(all).as("one action per treated customer on the topic").hasSize(3);
            assertThat(count("SELECT count(*) FROM engagement_action WHERE journey_id = ?", journey)).isEqualTo(3);
            assertThat(count("SELECT count(*) FROM offer_grant WHERE offer_id = ?", offer)).isEqualTo(3);
            String code = all.stream().filter(a -> a.customerKey().equals(t1)).findFirst().orElseThrow().code();

            // T1 redeems in a store (the event twice), then T1 and H1 buy; T2 and H2 do not.
            Instant later = Instant.now().plusSeconds(1);
            CloudEvent redemption = Eng.redeemed(run + "-r-t1", t1, Channel.STORE, code, "o-" + run + "-t1", "20.00", later);
            Eng.send(kafka, redemption, redemption, Eng.purchase(run + "-p-t1", t1, Channel.STORE, "o-" + run + "-t1", "150.00", later),
                    Eng.purchase(run + "-p-h1", h1, Channel.STORE, "o-" + run + "-h1", "90.00", later),
                    Eng.redeemed(run + "-r-guess", h2, Channel.STORE, "GUESSED00000", null, "20.00", later));
        }
        Eng.await(() -> given().header("Authorization", Eng.READER).get("/v1/offers/{id}", offer).jsonPath().getLong("redemptions") == 1
                && count("SELECT count(*) FROM redemption WHERE event_id LIKE ?", run + "-r-%") == 2, "the redemptions stored");
        JsonPath o = given().header("Authorization", Eng.READER).get("/v1/offers/{id}", offer).then().statusCode(200).extract().jsonPath();
        assertThat(o.getLong("granted")).isEqualTo(3);
        assertThat(o.getDouble("spent")).isEqualTo(20.0);
        assertThat(o.getDouble("budget_left")).isEqualTo(80.0);
        assertThat(count("SELECT count(*) FROM redemption WHERE event_id = ? AND NOT accepted AND reason = 'unknown_code'", run + "-r-guess")).isEqualTo(1);

        Eng.await(() -> given().header("Authorization", Eng.READER).get("/v1/journeys/{id}/uplift", journey).jsonPath()
                .getLong("holdout.conversions") == 1, "the holdout purchase in the uplift");
        JsonPath u = Eng.json(given().header("Authorization", Eng.READER).get("/v1/journeys/{id}/uplift", journey).then().statusCode(200).extract().asString());
        assertThat(u.getLong("treated.entries")).isEqualTo(3);
        assertThat(u.getLong("treated.conversions")).isEqualTo(1);
        assertThat(u.getDouble("treated.revenue")).isEqualTo(150.0);
        assertThat(u.getLong("holdout.entries")).isEqualTo(2);
        assertThat(u.getLong("holdout.conversions")).isEqualTo(1);
        assertThat(u.getDouble("holdout.revenue")).isEqualTo(90.0);
        assertThat(u.getLong("redemptions")).isEqualTo(1);
        assertThat(u.getDouble("conversion_rate_difference")).isCloseTo(1 / 3.0 - 0.5, within(1e-9));
        Uplift expected = Uplift.of(3, 1, 2, 1);
        assertThat(u.getDouble("ci95.lower")).isCloseTo(expected.newcombe().lower(), within(1e-9));
        assertThat(u.getDouble("ci95.upper")).isCloseTo(expected.newcombe().upper(), within(1e-9));

        // Live offers: T2's code for T2 (its own token); T1's is used up; another customer's are not T2's to see.
        JsonPath mine = given().header("Authorization", TestCredentials.customer(t2.substring(2))).get("/v1/offers").then().statusCode(200)
                .extract().jsonPath();
        assertThat(mine.getString("customer_key")).isEqualTo(t2);
        assertThat(mine.getList("offers.offer_id")).containsExactly(offer);
        assertThat(given().header("Authorization", Eng.READER).queryParam("customer", t1).get("/v1/offers").jsonPath().getList("offers")).isEmpty();
        given().header("Authorization", TestCredentials.customer(t2.substring(2))).queryParam("customer", t1).get("/v1/offers").then().statusCode(403);
        assertThat(given().header("Authorization", Eng.READER).get("/v1/consent/{c}", optedOut).jsonPath().getList("opted_out"))
                .containsExactly("app", "web");
    }

    private static boolean journeyOf(ConsumerRecord<String, byte[]> r, String journey) {
        return Eng.journeyOf(r, journey);
    }

    private static List<EngagementAction> actionsOf(List<ConsumerRecord<String, byte[]>> records) {
        return Eng.actionsOf(records);
    }

    private long decided(String journey) {
        return count("SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND state <> 'pending'", journey);
    }

    private Map<String, String> states(String journey) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT customer_key, trigger_event_id, state FROM journey_trigger WHERE journey_id = ?")) {
            s.setString(1, journey);
            Map<String, String> out = new java.util.HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    out.put(rs.getString(2).endsWith("-cap2") ? key + "#2" : key, rs.getString(3));
                }
            }
            return out;
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private long count(String sql, String arg) {
        return Eng.count(dataSource, sql, arg);
    }

    private void sql(String sql, String... args) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setString(i + 1, args[i]);
            }
            s.executeUpdate();
        }
    }
}
