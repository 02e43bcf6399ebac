package io.quanyu.recommender.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.replay.MovieLensData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** MovieLens films as the catalog and its first ratings as events, through the real broker into recommendations with reasons. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class RecommenderPipelineTest {

    @Inject
    InteractionStore store;

    private MovieLensData data;

    private void publishAndTrain() throws Exception {
        data = MovieLensFixture.ensureTrained(store);
    }

    @Test
    void knownCustomersGetUnseenItemsWithReasonsAndFilters() throws Exception {
        publishAndTrain();
        int user = data.ratings().stream().sorted(MovieLensData.TIME_ORDER).limit(MovieLensFixture.RATINGS).collect(Collectors.groupingBy(
                MovieLensData.Rating::userId, Collectors.counting())).entrySet().stream().max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> seen = store.of(List.of("u:ml-" + user)).stream().map(InteractionStore.Row::itemId).collect(Collectors.toSet());
        JsonPath recs = given().header("Authorization", TestCredentials.READER).get("/v1/recommendations/ml-" + user).then().statusCode(200).extract().jsonPath();
        List<String> items = recs.getList("items.item_id", String.class);
        assertThat(items).hasSize(10).doesNotContainAnyElementsOf(seen).doesNotHaveDuplicates();
        assertThat(recs.getList("items.reason", String.class)).allSatisfy(r -> assertThat(r).isNotBlank());
        assertThat(recs.getInt("history_size")).isEqualTo(seen.size());

        JsonPath comedies = given().header("Authorization", TestCredentials.READER).queryParam("category", "comedy").queryParam("limit", 5).queryParam("exclude", items.getFirst())
                .get("/v1/recommendations/ml-" + user).then().statusCode(200).extract().jsonPath();
        assertThat(comedies.getList("items.category", String.class)).hasSize(5).containsOnly("comedy");
        assertThat(comedies.getList("items.item_id", String.class)).doesNotContain(items.getFirst());

        given().header("Authorization", TestCredentials.READER).queryParam("limit", 0).get("/v1/recommendations/ml-" + user).then().statusCode(400).body("error", equalTo("out_of_range"));
        given().get("/v1/items/ml-item-50/similar").then().statusCode(200).body("items.size()", equalTo(10));
        given().get("/v1/items/no-such-item/similar").then().statusCode(404);
        assertThat(given().queryParam("category", "drama").get("/v1/popular").then().statusCode(200).extract().jsonPath()
                .getList("items.category", String.class)).isNotEmpty().containsOnly("drama");
        given().post("/v1/models/retrain").then().statusCode(401);

        // The customer themselves with their token, by user id or key; nobody else, and never without a credential.
        String own = TestCredentials.customer("ml-" + user);
        assertThat(given().header("Authorization", own).get("/v1/recommendations/ml-" + user).then().statusCode(200).extract().jsonPath()
                .getList("items.item_id", String.class)).hasSize(10);
        given().header("Authorization", own).get("/v1/recommendations/u:ml-" + user).then().statusCode(200);
        given().header("Authorization", TestCredentials.customer("ml-" + (user + 1))).get("/v1/recommendations/ml-" + user).then().statusCode(403)
                .body("error", equalTo("forbidden"));
        given().header("Authorization", own).get("/v1/recommendations/a:visitor-of-ml-" + user).then().statusCode(403);
        given().get("/v1/recommendations/ml-" + user).then().statusCode(401);
    }

    @Test
    void aNewCustomersFirstEventsCountBeforeAnyRetraining() throws Exception {
        publishAndTrain();
        List<MovieLensData.Movie> horror = data.movies().values().stream().filter(m -> MovieLensFixture.category(m).equals("horror")).limit(3).toList();
        String key = "a:rt-" + UUID.randomUUID();
        given().header("Authorization", TestCredentials.READER).get("/v1/recommendations/" + key).then().statusCode(200).body("history_size", equalTo(0))
                .body("items[0].source", equalTo("popularity"));
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            for (MovieLensData.Movie m : horror) {
                kafka.send(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of(UUID.randomUUID().toString(), Channel.MINIPROGRAM,
                        EventType.PRODUCT_VIEW, Instant.now(), key, Instant.now(), null, new ProductView("ml-item-" + m.id(), "horror", null))));
            }
        }
        JsonPath recs = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            recs = given().header("Authorization", TestCredentials.READER).get("/v1/recommendations/" + key).then().statusCode(200).extract().jsonPath();
            if (recs.getInt("history_size") == 3) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(recs.getInt("history_size")).isEqualTo(3);
        List<String> viewedTitles = horror.stream().map(MovieLensData.Movie::title).toList();
        assertThat(recs.getList("items.item_id", String.class)).doesNotContainAnyElementsOf(horror.stream().map(m -> "ml-item-" + m.id()).toList());
        // The reasons name what the customer just viewed: the live history was folded in without a retraining.
        assertThat(recs.getList("items.reason", String.class)).anySatisfy(r -> assertThat(viewedTitles).anyMatch(r::contains));
    }
}
