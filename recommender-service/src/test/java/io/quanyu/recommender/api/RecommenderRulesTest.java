package io.quanyu.recommender.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.replay.MovieLensData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity, stock, audiences, recommendations.v1 and erasure, through the real broker and database. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class RecommenderRulesTest {

    @Inject
    InteractionStore store;

    @Inject
    CustomerStore customers;

    private MovieLensData data;

    @BeforeEach
    void trained() throws Exception {
        data = MovieLensFixture.ensureTrained(store);
    }

    private List<Integer> trainedUsers() {
        return data.ratings().stream().sorted(MovieLensData.TIME_ORDER).limit(MovieLensFixture.RATINGS).map(MovieLensData.Rating::userId)
                .distinct().toList();
    }

    private static JsonPath recommendations(String user) {
        return given().header("Authorization", TestCredentials.READER).get("/v1/recommendations/" + user).then().statusCode(200).extract().jsonPath();
    }

    private static <T> T await(Callable<T> probe, java.util.function.Predicate<T> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.call();
        while (!done.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = probe.call();
        }
        return last;
    }

    private static void publishDigest(KafkaTestClient kafka, ProfileDigest digest) {
        kafka.send(Topics.PROFILE_UPDATES, digest.customerId(), EventCodec.encode(digest));
    }

    @Test
    void aStoreCardLinkedToALoginIsOneCustomer() throws Exception {
        String user = "u:ml-" + trainedUsers().get(3);
        String card = "a:card-" + UUID.randomUUID();
        JsonPath before = recommendations(user);
        int history = before.getInt("history_size");
        Set<String> seen = store.of(List.of(user)).stream().map(InteractionStore.Row::itemId).collect(Collectors.toSet());
        String bought = data.movies().values().stream().map(m -> MovieLensFixture.item(m.id())).filter(i -> !seen.contains(i))
                .findFirst().orElseThrow();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.send(Topics.EVENTS, card, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.STORE, EventType.PURCHASE,
                    Instant.now(), card, Instant.now(), null, new Purchase("pos-1", List.of(new OrderLine(bought, 1, BigDecimal.TEN)),
                            BigDecimal.TEN, "CNY", "store-7"))));
            assertThat(await(() -> store.of(List.of(card)).size(), n -> n == 1, Duration.ofSeconds(20))).isEqualTo(1);
            // Before the profile service links them, the card is a customer of its own.
            assertThat(recommendations(card).getString("customer_id")).isEqualTo(card);
            publishDigest(kafka, new ProfileDigest(user, user.substring(2), List.of(user, card), List.of(), "web", "active", null, null));
        }
        JsonPath after = await(() -> recommendations(user), r -> r.getInt("history_size") == history + 1, Duration.ofSeconds(20));
        assertThat(after.getInt("history_size")).isEqualTo(history + 1);
        assertThat(after.getString("customer_id")).isEqualTo(user);
        assertThat(after.getList("items.item_id", String.class)).hasSize(10).doesNotContain(bought);
        JsonPath byCard = recommendations(card);
        assertThat(byCard.getString("customer_id")).isEqualTo(user);
        assertThat(byCard.getInt("history_size")).isEqualTo(history + 1);
    }

    @Test
    void anItemThatSellsOutLeavesRecommendationsAtOnce() throws Exception {
        String user = "u:ml-" + trainedUsers().get(5);
        String top = recommendations(user).getString("items[0].item_id");
        MovieLensData.Movie movie = data.movies().get(Integer.parseInt(top.substring("ml-item-".length())));
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.send(Topics.CATALOG_PRODUCTS, top, EventCodec.encode(MovieLensFixture.product(movie, false)));
            try {
                JsonPath after = await(() -> recommendations(user), r -> !r.getList("items.item_id").contains(top), Duration.ofSeconds(20));
                assertThat(after.getList("items.item_id", String.class)).hasSize(10).doesNotContain(top);
                assertThat(given().header("Authorization", TestCredentials.READER).queryParam("in_stock", false).get("/v1/recommendations/" + user).then().statusCode(200).extract()
                        .jsonPath().getList("items.item_id", String.class)).contains(top);
            } finally {
                kafka.send(Topics.CATALOG_PRODUCTS, top, EventCodec.encode(MovieLensFixture.product(movie, true)));
            }
        }
    }

    @Test
    void customersWithoutHistoryGetTheirSegmentsOrChannelsFavourites() throws Exception {
        List<Integer> members = trainedUsers().subList(10, 16);
        Set<String> membersItems = new HashSet<>();
        String stranger = "a:seg-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            for (int m : members) {
                String key = "u:ml-" + m;
                publishDigest(kafka, new ProfileDigest(key, "ml-" + m, List.of(key), List.of("test-fans"), "web", "active", null, null));
                store.of(List.of(key)).forEach(r -> membersItems.add(r.itemId()));
            }
            publishDigest(kafka, new ProfileDigest(stranger, null, List.of(stranger), List.of("test-fans"), "app", "new", null, null));
        }
        assertThat(await(() -> customers.customer(stranger).isPresent(), b -> b, Duration.ofSeconds(20))).isTrue();
        MovieLensFixture.retrain();
        JsonPath recs = recommendations(stranger);
        assertThat(recs.getInt("history_size")).isZero();
        assertThat(recs.getList("items.reason", String.class)).hasSize(10).allSatisfy(r -> assertThat(r).isEqualTo("popular in segment test-fans"));
        assertThat(recs.getList("items.item_id", String.class)).allSatisfy(i -> assertThat(membersItems).contains(i));

        String nobody = "a:nobody-" + UUID.randomUUID();
        assertThat(given().header("Authorization", TestCredentials.READER).queryParam("channel", "app").get("/v1/recommendations/" + nobody).then().statusCode(200).extract().jsonPath()
                .getList("items.reason", String.class)).hasSize(10).allSatisfy(r -> assertThat(r).isEqualTo("popular on app"));
        given().header("Authorization", TestCredentials.READER).queryParam("channel", "fax").get("/v1/recommendations/" + nobody).then().statusCode(400).body("error", equalTo("invalid_channel"));
    }

    @Test
    void activeCustomersGetAFreshListOnTheTopic() throws Exception {
        String key = "a:pub-" + UUID.randomUUID();
        MovieLensData.Movie viewed = data.movies().get(50);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail lists = kafka.tail(Topics.RECOMMENDATIONS)) {
            kafka.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.WEB, EventType.PRODUCT_VIEW,
                    Instant.now(), key, Instant.now(), null, new ProductView(MovieLensFixture.item(viewed.id()), null, null))));
            List<ConsumerRecord<String, byte[]>> mine = lists.await(1, r -> key.equals(r.key()), Duration.ofSeconds(30));
            assertThat(mine).isNotEmpty();
            RecommendationList list = ((Decoded.Ok<RecommendationList>) EventCodec.decode(mine.getFirst().value(), RecommendationList.class)).value();
            assertThat(list.customerId()).isEqualTo(key);
            assertThat(list.items()).hasSize(20).extracting(RecommendationList.Item::itemId).doesNotContain(MovieLensFixture.item(viewed.id()));
            assertThat(list.items()).allSatisfy(i -> assertThat(i.reason()).isNotBlank());
        }
    }

    @Test
    void erasureDeletesTheCustomersInteractionsAndIsAcknowledged() throws Exception {
        String key = "a:erase-" + UUID.randomUUID();
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            for (int movie : List.of(1, 2)) {
                kafka.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.WEB, EventType.PRODUCT_VIEW,
                        Instant.now(), key, Instant.now(), null, new ProductView(MovieLensFixture.item(movie), null, null))));
            }
            assertThat(await(() -> store.of(List.of(key)).size(), n -> n == 2, Duration.ofSeconds(20))).isEqualTo(2);
            kafka.send(Topics.PRIVACY_ERASURE, key, EventCodec.encode(new ErasureRequest(key, List.of(key), Instant.now(), "test")));
            List<ConsumerRecord<String, byte[]>> mine = acks.await(1, r -> key.equals(r.key()), Duration.ofSeconds(20));
            assertThat(mine).hasSize(1);
            ErasureAck ack = ((Decoded.Ok<ErasureAck>) EventCodec.decode(mine.getFirst().value(), ErasureAck.class)).value();
            assertThat(ack.service()).isEqualTo("recommender-service");
            assertThat(ack.rowsDeleted()).isGreaterThanOrEqualTo(2);
        }
        assertThat(store.of(List.of(key))).isEmpty();
        assertThat(recommendations(key).getInt("history_size")).isZero();
    }
}
