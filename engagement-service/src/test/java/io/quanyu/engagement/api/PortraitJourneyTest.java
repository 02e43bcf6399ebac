package io.quanyu.engagement.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.Topics;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Portrait journeys on the real broker and database: profile.updates.v1 turning customers at risk starts a win-back
 * journey once per change, its branches send VIPs an offer and others a message with their recommendations from
 * recommendations.v1; a purchase under another key of the customer (a member card in a store) converts, for the
 * journey and for the offer, across both groups; message feedback is counted; a first purchase starts its journey once.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PortraitJourneyTest {

    private static final double SHARE = 0.5;

    @Inject
    DataSource dataSource;

    @Test
    void customersTurningAtRiskTakeTheirBranchAndConvertUnderAnyKey() throws Exception {
        String run = Eng.run();
        String offer = "vip-" + run;
        String journey = "winback-" + run;
        Eng.stopAllJourneys();
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "30", "1000", List.of())).statusCode(201);
        Eng.post("/v1/journeys", Map.of("journey_id", journey, "name", "Win back",
                "trigger", Map.of("kind", "lifecycle", "lifecycle", "at_risk"),
                "branches", List.of(Map.of("when", Map.of("segments", List.of("vip")), "action", Map.of("kind", "grant_offer", "offer_id", offer))),
                "action", Map.of("kind", "send_message", "message", "好久不见，看看这些新品", "recommendations", 2),
                "holdout_share", SHARE)).statusCode(201);
        String vip = Eng.customer(run, "vip", journey, SHARE, false);
        String plain = Eng.customer(run, "plain", journey, SHARE, false);
        String held = Eng.customer(run, "held", journey, SHARE, true);
        String card = "a:card-" + run;
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail actions = kafka.tail(Topics.ENGAGEMENT_ACTIONS)) {
            kafka.send(Topics.RECOMMENDATIONS, "c-" + plain, EventCodec.encode(new RecommendationList("c-" + plain, List.of(
                    new RecommendationList.Item("p-1", 0.9, "als", null), new RecommendationList.Item("p-2", 0.8, "als", null),
                    new RecommendationList.Item("p-3", 0.7, "als", null)), now, now)));
            portrait(kafka, vip, List.of(vip, card), List.of("vip"), "active");
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM customer_key WHERE user_key = ?", card) == 1, "the VIP's keys linked");
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ?", journey)).as("active: no trigger").isZero();
            portrait(kafka, vip, List.of(vip, card), List.of("vip"), "at_risk");
            portrait(kafka, plain, List.of(plain), List.of(), "at_risk");
            portrait(kafka, held, List.of(held), List.of("vip"), "at_risk");
            // The same portrait again (a re-read of the compacted topic, a republish): no new trigger.
            portrait(kafka, vip, List.of(vip, card), List.of("vip"), "at_risk");

            List<EngagementAction> got = Eng.actionsOf(actions.await(2, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(60)));
            EngagementAction grant = got.stream().filter(a -> a.customerKey().equals(vip)).findFirst().orElseThrow();
            assertThat(grant.kind()).isEqualTo(EngagementAction.GRANT_OFFER);
            assertThat(grant.offerId()).isEqualTo(offer);
            assertThat(grant.channel()).as("the preferred channel").isEqualTo("app");
            EngagementAction message = got.stream().filter(a -> a.customerKey().equals(plain)).findFirst().orElseThrow();
            assertThat(message.kind()).isEqualTo(EngagementAction.MESSAGE);
            assertThat(message.message()).isEqualTo("好久不见，看看这些新品");
            assertThat(message.code()).isNull();
            assertThat(message.recommendedItems()).containsExactly("p-1", "p-2");
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM journey_entry WHERE journey_id = ?", journey) == 3, "three entries");
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND customer_key = ?", journey, vip)).isEqualTo(1);
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_entry WHERE journey_id = ? AND customer_key = ? AND holdout AND offer_id = ?",
                    journey, held, offer)).as("the held-out VIP counts for the offer").isEqualTo(1);

            // The VIP buys in a store on the member card; the gateway reports the message opened (and an unknown action).
            Instant later = Instant.now().plusSeconds(1);
            Eng.send(kafka, Eng.purchase(run + "-p-card", card, Channel.STORE, "o-" + run, "120.00", later),
                    Eng.event(run + "-open", plain, Channel.APP, EventType.MESSAGE_OPENED, later, new MessageFeedback(message.actionId(), journey, null)),
                    Eng.event(run + "-open2", plain, Channel.APP, EventType.MESSAGE_OPENED, later, new MessageFeedback(message.actionId(), journey, null)),
                    Eng.event(run + "-ghost", plain, Channel.APP, EventType.MESSAGE_CLICKED, later, new MessageFeedback("act-ghost", journey, null)),
                    // Another customer's click on this customer's message: not counted.
                    Eng.event(run + "-other", vip, Channel.APP, EventType.MESSAGE_CLICKED, later, new MessageFeedback(message.actionId(), journey, null)));
            assertThat(Eng.actionsOf(actions.await(3, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(3)))).hasSize(2);
        }
        Eng.await(() -> uplift("/v1/journeys/{id}/uplift", journey).getLong("treated.conversions") == 1, "the card purchase converts the VIP");
        JsonPath j = uplift("/v1/journeys/{id}/uplift", journey);
        assertThat(j.getLong("treated.entries")).isEqualTo(2);
        assertThat(j.getDouble("treated.revenue")).isEqualTo(120.0);
        assertThat(j.getLong("holdout.entries")).isEqualTo(1);
        assertThat(j.getLong("feedback.opened")).isEqualTo(1);
        assertThat(j.getLong("feedback.clicked")).isZero();
        JsonPath o = uplift("/v1/offers/{id}/uplift", offer);
        assertThat(o.getString("offer_id")).isEqualTo(offer);
        assertThat(o.getLong("treated.entries")).as("only the VIP's branch grants the offer").isEqualTo(1);
        assertThat(o.getLong("treated.conversions")).isEqualTo(1);
        assertThat(o.getLong("holdout.entries")).isEqualTo(1);
        assertThat(o.getLong("holdout.conversions")).isZero();
        given().header("Authorization", Eng.READER).get("/v1/offers/{id}/uplift", "no-such-" + run).then().statusCode(404);
    }

    @Test
    void aCartBoughtOnALinkedCardConvertsAndAFirstPurchaseStartsItsJourneyOnce() throws Exception {
        String run = Eng.run();
        Eng.stopAllJourneys();
        String offer = "c-" + run;
        String cartJourney = "cart-" + run;
        String first = "first-" + run;
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "10", "100", List.of())).statusCode(201);
        Eng.post("/v1/journeys", Eng.cartJourney(cartJourney, offer, "PT3S", 0.0, List.of("web"), null)).statusCode(201);
        Eng.post("/v1/journeys", Map.of("journey_id", first, "name", "Thanks", "trigger", Map.of("kind", "first_purchase", "channels", List.of("web")),
                "action", Map.of("kind", "send_message", "message", "Thanks for your first order", "recommendations", 0), "holdout_share", 0.0))
                .statusCode(201);
        String web = "u:" + run + "-web";
        String card = "a:card-" + run;
        String buyer = "u:" + run + "-buyer";
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail actions = kafka.tail(Topics.ENGAGEMENT_ACTIONS)) {
            portrait(kafka, web, List.of(web, card), List.of(), "active");
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM customer_key WHERE user_key = ?", card) == 1, "the card linked");
            Eng.send(kafka, Eng.cart(run + "-cart", web, Channel.WEB, "sku-1", now),
                    Eng.purchase(run + "-store", card, Channel.STORE, "o-" + run + "-s", "50.00", now.plusSeconds(1)),
                    Eng.purchase(run + "-b1", buyer, Channel.WEB, "o-" + run + "-b1", "20.00", now),
                    Eng.purchase(run + "-b2", buyer, Channel.WEB, "o-" + run + "-b2", "25.00", now.plusSeconds(1)));
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND state = 'converted'", cartJourney) == 1,
                    "the web cart converted by the store receipt on the linked card");
            List<EngagementAction> thanks = Eng.actionsOf(actions.await(1, r -> Eng.journeyOf(r, first), Duration.ofSeconds(60)));
            assertThat(thanks).singleElement().satisfies(a -> {
                assertThat(a.customerKey()).isEqualTo(buyer);
                assertThat(a.triggerEventId()).isEqualTo(run + "-b1");
            });
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND customer_key = ?", first, buyer)).isEqualTo(1);
            assertThat(Eng.actionsOf(actions.await(1, r -> Eng.journeyOf(r, cartJourney), Duration.ofSeconds(2)))).isEmpty();
        }
    }

    @Test
    void aBirthdayJourneyActsOnTheDayOnceAYear() throws Exception {
        String run = Eng.run();
        Eng.stopAllJourneys();
        String journey = "bday-" + run;
        Eng.post("/v1/journeys", Map.of("journey_id", journey, "name", "Birthday", "trigger", Map.of("kind", "birthday"),
                "action", Map.of("kind", "send_message", "message", "生日快乐", "recommendations", 0), "holdout_share", 0.0)).statusCode(201);
        String today = "u:" + run + "-today";
        String tomorrow = "u:" + run + "-tomorrow";
        java.time.LocalDate date = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail actions = kafka.tail(Topics.ENGAGEMENT_ACTIONS)) {
            Eng.send(kafka, identify(run + "-i1", today, "1990-" + date.toString().substring(5)),
                    identify(run + "-i2", tomorrow, "--" + date.plusDays(1).toString().substring(5)));
            List<EngagementAction> got = Eng.actionsOf(actions.await(1, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(60)));
            assertThat(got).singleElement().satisfies(a -> {
                assertThat(a.customerKey()).isEqualTo(today);
                assertThat(a.channel()).isEqualTo("app");
                assertThat(a.triggerEventId()).isEqualTo("birthday:" + date.getYear());
            });
            // Scanned again and again that day (the sweep runs every half second here): still one.
            Thread.sleep(2500);
            assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ?", journey)).isEqualTo(1);
            assertThat(Eng.actionsOf(actions.await(2, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(1)))).hasSize(1);
        }
    }

    private static io.quanyu.events.CloudEvent identify(String id, String key, String birthday) {
        return Eng.event(id, key, Channel.APP, EventType.IDENTIFY, Instant.now(),
                new io.quanyu.events.data.Identify(key.substring(2), List.of(), Map.of("birthday", birthday)));
    }

    private static void portrait(KafkaTestClient kafka, String key, List<String> keys, List<String> segments, String lifecycle) {
        String id = "c-" + key;
        kafka.send(Topics.PROFILE_UPDATES, id, EventCodec.encode(new ProfileDigest(id, key.substring(2), keys, segments, "app", lifecycle, 0.3, 0.6)));
    }

    private static JsonPath uplift(String path, String id) {
        return Eng.json(given().header("Authorization", Eng.READER).get(path, id).then().statusCode(200).extract().asString());
    }
}
