package io.quanyu.engagement.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A journey's second step on the real broker and database: after the offer, a treated customer who has not bought gets
 * the reminder after the follow-up's wait, one who bought in between (on a linked key too) gets none, a held-out
 * customer gets neither; and the customer does not re-enter while the follow-up waits.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class FollowUpJourneyTest {

    private static final double SHARE = 0.3;

    @Inject
    DataSource dataSource;

    @Test
    void theReminderGoesOnlyToTreatedCustomersWhoDidNotBuy() throws Exception {
        String run = Eng.run();
        Eng.stopAllJourneys();
        String offer = "fu-" + run;
        String journey = "fu-cart-" + run;
        Eng.post("/v1/offers", Eng.fixedOffer(offer, "10", "1000", List.of())).statusCode(201);
        Map<String, Object> j = new HashMap<>(Eng.cartJourney(journey, offer, "PT1S", SHARE, List.of("web"), null));
        j.put("follow_up", Map.of("wait", "PT3S", "action", Map.of("kind", "send_message", "message", "你的优惠券快过期了", "recommendations", 0)));
        Eng.post("/v1/journeys", j).statusCode(201).body("journey.follow_up.unless_purchased", org.hamcrest.Matchers.equalTo(true));
        String idle = Eng.customer(run, "idle", journey, SHARE, false);
        String buyer = Eng.customer(run, "buyer", journey, SHARE, false);
        String held = Eng.customer(run, "held", journey, SHARE, true);
        Instant now = Instant.now();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail actions = kafka.tail(Topics.ENGAGEMENT_ACTIONS)) {
            Eng.send(kafka, Eng.cart(run + "-c1", idle, Channel.WEB, "sku-1", now), Eng.cart(run + "-c2", buyer, Channel.WEB, "sku-1", now),
                    Eng.cart(run + "-c3", held, Channel.WEB, "sku-1", now));
            List<EngagementAction> offers = Eng.actionsOf(actions.await(2, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(60)));
            assertThat(offers).extracting(EngagementAction::customerKey).containsExactlyInAnyOrder(idle, buyer);
            // The buyer buys after the offer; a new cart of the idle customer while the follow-up waits starts nothing.
            Eng.send(kafka, Eng.purchase(run + "-p", buyer, Channel.STORE, "o-" + run, "40.00", Instant.now()),
                    Eng.cart(run + "-c1b", idle, Channel.WEB, "sku-2", Instant.now()));
            List<EngagementAction> all = Eng.actionsOf(actions.await(3, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(60)));
            EngagementAction reminder = all.stream().filter(a -> EngagementAction.MESSAGE.equals(a.kind())).findFirst().orElseThrow();
            assertThat(reminder.customerKey()).isEqualTo(idle);
            assertThat(reminder.message()).isEqualTo("你的优惠券快过期了");
            assertThat(reminder.triggerEventId()).isEqualTo(run + "-c1#follow-up");
            Eng.await(() -> Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND trigger_event_id = ? AND state = 'converted'",
                    journey, run + "-c2#follow-up") == 1, "the buyer's follow-up ends as converted");
            assertThat(Eng.actionsOf(actions.await(4, r -> Eng.journeyOf(r, journey), Duration.ofSeconds(2)))).hasSize(3);
        }
        assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_trigger WHERE journey_id = ? AND trigger_event_id = ?", journey, run + "-c1b"))
                .as("no second entry while the follow-up waited").isZero();
        assertThat(Eng.count(dataSource, "SELECT count(*) FROM journey_entry WHERE journey_id = ?", journey)).isEqualTo(3);
    }
}
