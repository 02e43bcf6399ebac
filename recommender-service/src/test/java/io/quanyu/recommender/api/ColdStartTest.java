package io.quanyu.recommender.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.RestartableKafka;
import io.quanyu.testkit.RestartableKafkaResource;
import io.quanyu.testkit.TestCredentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A brand-new shop on a broker and a database of its own, with the next scheduled training an hour away: its first events
 * are answered 200 by the live counts (popular, then seen in the same visit), and the first training starts at the
 * interaction threshold.
 */
@QuarkusTest
@TestProfile(ColdStartTest.NoScheduledTraining.class)
@WithTestResource(RestartableKafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ColdStartTest {

    /** The start-up training at once (on the empty database, so it finds nothing) and the next scheduled one an hour away. */
    public static class NoScheduledTraining implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quanyu.recommender.first-training-after", "1s", "quanyu.recommender.retrain-every", "1h",
                    "quanyu.recommender.cold-start.train-after-interactions", String.valueOf(THRESHOLD));
        }
    }

    static final int THRESHOLD = 25;
    static final int FIRST_EVENTS = 20;
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    /** Injected by {@link RestartableKafkaResource}: a broker of this shop's own, holding none of the other tests' events. */
    RestartableKafka kafka;

    @Inject
    InteractionStore store;

    private static String item(int i) {
        return "cs-item-" + i;
    }

    private static String title(int i) {
        return "Product " + i;
    }

    private static String category(int i) {
        return i % 2 == 0 ? "tea" : "cups";
    }

    /** Visitor k views items k .. k+3 in one visit, so each visitor's first item was seen by the one before with others. */
    private static String visitor(int k) {
        return "cs-" + RUN + "-" + k;
    }

    private void send(KafkaTestClient client, String userId, int item) {
        String key = "u:" + userId;
        Instant now = Instant.now();
        client.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.WEB, EventType.PRODUCT_VIEW, now, key,
                now, null, new ProductView(item(item), category(item), null))));
    }

    private static JsonPath ok(Response r) {
        assertThat(r.statusCode()).as("%s", r.asString()).isEqualTo(200);
        return r.jsonPath();
    }

    private static JsonPath recommendations(String userId, String... query) {
        var request = given().header("Authorization", TestCredentials.customer(userId));
        for (int q = 0; q + 1 < query.length; q += 2) {
            request = request.queryParam(query[q], query[q + 1]);
        }
        return ok(request.get("/v1/recommendations/" + userId));
    }

    /** Polls {@code probe} (each answer must already be 200) until {@code done}; returns the last answer. */
    private static JsonPath within(Duration timeout, java.util.concurrent.Callable<JsonPath> probe, Predicate<JsonPath> done) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonPath last = probe.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            last = probe.call();
        }
        return last;
    }

    @Test
    @Order(1)
    void aBrandNewShopsFirstTwentyEventsGetAnswersPopularThenSeenInTheSameVisit() throws Exception {
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            for (int i = 0; i < 10; i++) {
                client.send(Topics.CATALOG_PRODUCTS, item(i), EventCodec.encode(new Product(item(i), title(i), "cold start " + category(i), category(i),
                        "quanyu", new BigDecimal("9.90"), "CNY", true, Instant.now())));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((store.items().size() < 10 || given().get("/q/health/ready").statusCode() != 200) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(store.items()).hasSize(10);

            // Nothing happened yet: empty answers, not 503.
            assertThat(ok(given().get("/v1/models")).getBoolean("trained")).isFalse();
            JsonPath none = ok(given().get("/v1/popular"));
            assertThat(none.getString("source")).isEqualTo("live_counts");
            assertThat(none.getList("items")).isEmpty();
            assertThat(recommendations(visitor(0)).getString("source")).isEqualTo("live_counts");

            long slowest = 0;
            String newcomer = "cs-" + RUN + "-newcomer";
            for (int e = 0; e < FIRST_EVENTS; e++) {
                int k = e / 4;
                int j = e % 4;
                int viewed = k + j;
                List<String> seen = new ArrayList<>();
                List<String> seenTitles = new ArrayList<>();
                for (int v = k; v <= viewed; v++) {
                    seen.add(item(v));
                    seenTitles.add(title(v));
                }
                long sent = System.nanoTime();
                send(client, visitor(k), viewed);
                JsonPath popular = within(ANSWER_WITHIN, () -> ok(given().queryParam("limit", 100).get("/v1/popular")),
                        p -> p.getList("items.item_id").contains(item(viewed)));
                JsonPath mine = within(ANSWER_WITHIN, () -> recommendations(visitor(k)), r -> r.getInt("history_size") == j + 1);
                // Popular first: someone with no history gets the shop's popular items.
                JsonPath fresh = within(ANSWER_WITHIN, () -> recommendations(newcomer), r -> r.getList("items.item_id").contains(item(viewed)));
                slowest = Math.max(slowest, (System.nanoTime() - sent) / 1_000_000);
                assertThat(System.nanoTime() - sent).as("event %d answered within %s", e, ANSWER_WITHIN).isLessThanOrEqualTo(ANSWER_WITHIN.toNanos());
                assertThat(popular.getList("items.item_id", String.class)).as("popular after event %d", e).contains(item(viewed));
                assertThat(popular.getString("source")).isEqualTo("live_counts");
                assertThat(mine.getInt("history_size")).as("history after event %d", e).isEqualTo(j + 1);
                assertThat(mine.getString("source")).isEqualTo("live_counts");
                assertThat(mine.getString("model_trained_at")).isNull();
                assertThat(mine.getList("items.item_id", String.class)).doesNotContainAnyElementsOf(seen).doesNotHaveDuplicates();

                assertThat(fresh.getInt("history_size")).isZero();
                // The live counts are recounted at most every second, so two calls may see one event apart: the same items.
                assertThat(fresh.getList("items.item_id", String.class)).contains(item(viewed))
                        .containsExactlyInAnyOrderElementsOf(popular.getList("items.item_id", String.class));
                assertThat(fresh.getList("items.source", String.class)).containsOnly("popularity");
                assertThat(fresh.getList("items.score", Double.class)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
                // Then personalised: from the second visitor on, what was seen in the same visit as their items leads.
                if (k >= 1) {
                    assertThat(mine.getString("items[0].source")).as("visitor %d after event %d", k, e).isEqualTo("co_occurrence");
                    assertThat(mine.getString("items[0].reason")).startsWith("viewed in the same visit as ")
                            .satisfies(r -> assertThat(seenTitles).anyMatch(r::endsWith));
                }
            }
            System.out.printf("[cold-start] %d events: slowest until popular and personal answers showed the event: %d ms%n", FIRST_EVENTS, slowest);
        }
        JsonPath model = ok(given().get("/v1/models"));
        assertThat(model.getBoolean("trained")).as("no training below the threshold").isFalse();
        assertThat(model.getString("source")).isEqualTo("live_counts");
        assertThat(store.count()).isEqualTo(FIRST_EVENTS);
    }

    @Test
    @Order(2)
    void aCustomerWithNoHistoryGetsPopularItemsAndSimilarItemsAnswerBeforeTraining() {
        String nobody = "cs-" + RUN + "-nobody";
        JsonPath tea = recommendations(nobody, "category", "tea", "limit", "3");
        assertThat(tea.getInt("history_size")).isZero();
        assertThat(tea.getList("items.category", String.class)).hasSize(3).containsOnly("tea");
        assertThat(tea.getList("items.source", String.class)).containsOnly("popularity");
        assertThat(tea.getList("items.reason", String.class)).containsOnly("popular in tea");
        assertThat(tea.getList("items.title", String.class)).allSatisfy(t -> assertThat(t).startsWith("Product "));
        assertThat(ok(given().queryParam("category", "cups").get("/v1/popular")).getList("items.category", String.class)).isNotEmpty().containsOnly("cups");
        JsonPath excluded = recommendations(nobody, "exclude", tea.getString("items[0].item_id"));
        assertThat(excluded.getList("items.item_id", String.class)).isNotEmpty().doesNotContain(tea.getString("items[0].item_id"));

        // The credential rules hold for the live answers too.
        given().get("/v1/recommendations/" + nobody).then().statusCode(401);
        given().header("Authorization", TestCredentials.customer(visitor(1))).get("/v1/recommendations/" + nobody).then().statusCode(403);
        given().header("Authorization", TestCredentials.READER).get("/v1/recommendations/" + nobody).then().statusCode(200);

        // Visitor 1 viewed items 1-4 in one visit: item 1's same-visit items are 2-4 (and 0, from visitor 0).
        JsonPath similar = ok(given().get("/v1/items/" + item(1) + "/similar"));
        assertThat(similar.getString("source")).isEqualTo("live_counts");
        assertThat(similar.getList("items.item_id", String.class)).containsExactlyInAnyOrder(item(0), item(2), item(3), item(4));
        assertThat(similar.getList("items.source", String.class)).containsOnly("co_occurrence");
        given().get("/v1/items/cs-no-such-item/similar").then().statusCode(404);
    }

    @Test
    @Order(3)
    void theFirstTrainingStartsOnceTheThresholdIsStoredNotAtTheScheduledSlot() throws Exception {
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            for (int e = FIRST_EVENTS; e < THRESHOLD; e++) {
                send(client, visitor(5), 5 + (e - FIRST_EVENTS) % 4);
            }
        }
        JsonPath model = within(Duration.ofSeconds(30), () -> ok(given().get("/v1/models")), m -> m.getBoolean("trained"));
        assertThat(store.count()).isEqualTo(THRESHOLD);
        assertThat(model.getBoolean("trained")).isTrue();
        assertThat(model.getString("trigger")).isEqualTo("threshold");
        assertThat(model.getLong("version")).isEqualTo(1);
        assertThat(model.getString("source")).isEqualTo("trained");
        assertThat(model.getInt("interactions")).isGreaterThanOrEqualTo(FIRST_EVENTS);

        JsonPath mine = recommendations(visitor(1));
        assertThat(mine.getString("source")).isEqualTo("trained");
        assertThat(mine.getString("model_trained_at")).isNotNull();
        assertThat(mine.getInt("history_size")).isEqualTo(4);
        assertThat(mine.getList("items.item_id", String.class)).isNotEmpty().doesNotContain(item(1), item(2), item(3), item(4));
        assertThat(ok(given().get("/v1/popular")).getString("source")).isEqualTo("trained");
    }
}
