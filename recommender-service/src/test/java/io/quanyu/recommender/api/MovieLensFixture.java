package io.quanyu.recommender.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.ReplayOptions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The shared data of the recommender's end-to-end tests, published once per test JVM: MovieLens films as the
 * catalog, and its first ratings as web views plus app purchases (ratings of 4 and 5), then one training.
 */
final class MovieLensFixture {

    static final String ADMIN = "Bearer test-admin-token";
    static final int RATINGS = 5000;
    private static MovieLensData data;

    private MovieLensFixture() {
    }

    static String category(MovieLensData.Movie m) {
        return m.genres().isEmpty() ? "unknown" : m.genres().getFirst().toLowerCase();
    }

    static String item(int movieId) {
        return "ml-item-" + movieId;
    }

    static Product product(MovieLensData.Movie m, boolean inStock) {
        return new Product(item(m.id()), m.title(), m.title() + " " + String.join(" ", m.genres()), category(m), "movielens",
                new BigDecimal("19.90"), "CNY", inStock, Instant.now());
    }

    static synchronized MovieLensData ensureTrained(InteractionStore store) throws Exception {
        if (data == null) {
            data = MovieLensData.load(ReplayOptions.defaultDataDir());
        }
        if (given().get("/v1/models").jsonPath().getBoolean("trained") && store.count() >= RATINGS) {
            return data;
        }
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (MovieLensData.Movie m : data.movies().values()) {
            records.add(new ProducerRecord<>(Topics.CATALOG_PRODUCTS, item(m.id()), EventCodec.encode(product(m, true))));
        }
        Instant base = Instant.now().minus(Duration.ofDays(20));
        List<MovieLensData.Rating> ratings = data.ratings().stream().sorted(MovieLensData.TIME_ORDER).limit(RATINGS).toList();
        int purchases = 0;
        for (int i = 0; i < ratings.size(); i++) {
            MovieLensData.Rating r = ratings.get(i);
            String user = "u:ml-" + r.userId();
            Instant t = base.plusSeconds(i);
            records.add(new ProducerRecord<>(Topics.EVENTS, user, EventCodec.encode(CloudEvent.of("v-" + i, Channel.WEB, EventType.PRODUCT_VIEW,
                    t, user, t, null, new ProductView(item(r.itemId()), null, null)))));
            if (r.rating() >= 4) {
                purchases++;
                records.add(new ProducerRecord<>(Topics.EVENTS, user, EventCodec.encode(CloudEvent.of("p-" + i, Channel.APP, EventType.PURCHASE,
                        t, user, t, null, new Purchase("o-" + i, List.of(new OrderLine(item(r.itemId()), 1, BigDecimal.TEN)),
                                BigDecimal.TEN, "CNY", null)))));
            }
        }
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            kafka.sendAll(records);
        }
        long expected = RATINGS + purchases;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((store.count() < expected || store.items().size() < data.movies().size()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(store.count()).isEqualTo(expected);
        retrain();
        return data;
    }

    /** Trains on everything stored now; when the scheduled training is running, waits for it and trains again. */
    static void retrain() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            status = given().header("Authorization", ADMIN).post("/v1/models/retrain").then().statusCode(200).extract().path("status");
            if (!"already training".equals(status)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(status).isEqualTo("trained");
    }
}
