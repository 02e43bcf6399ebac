package io.quanyu.profile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.replay.Counts;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole MovieLens-100K log as channel traffic through the packaged ingestion service into the packaged
 * profile service: a portrait for every one of the 943 users, with the traits of u.user, and the models'
 * time-split quality from the live service.
 */
class ProfileMovieLensIT {

    private static final String ADMIN = "it-admin-token";

    @Test
    void everyMovieLensUserGetsAPortraitWithTheirRealTraits() throws Exception {
        MovieLensData data = MovieLensData.load(ReplayOptions.defaultDataDir());
        List<RawMessage> messages = MovieLensReplay.messages(data, ReplayOptions.defaults());
        Counts counts = MovieLensReplay.count(messages);
        Map<String, String> ingestionEnv = ServiceProcess.infraEnv("ml_ingestion");
        ingestionEnv.put("QUANYU_PII_SECRET", "it-secret-0123456789abcdef");
        Map<String, String> profileEnv = ServiceProcess.infraEnv("ml_profile");
        profileEnv.put("QUANYU_ADMIN_TOKEN", ADMIN);
        profileEnv.put("QUANYU_READER_TOKEN", TestCredentials.READER_TOKEN);
        try (ServiceProcess ingestion = ServiceProcess.of(Path.of("..", "ingestion-service", "target", "quarkus-app", "quarkus-run.jar"),
                ingestionEnv, Path.of("target", "ml-it-ingestion.log"), "-Xmx384m").start(Duration.ofSeconds(90));
             ServiceProcess profile = ServiceProcess.of(Path.of("target", "quarkus-app", "quarkus-run.jar"), profileEnv,
                     Path.of("target", "ml-it-profile.log"), "-Xmx512m").start(Duration.ofSeconds(90))) {
            long start = System.nanoTime();
            MovieLensReplay.publish(Infra.kafka().bootstrapServers(), messages);
            double applied = 0;
            while (applied < counts.expectedEvents() && System.nanoTime() - start < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(1000);
                applied = metric(profile.get("/q/metrics").body(), "quanyu_profile_events_applied_total");
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("MovieLens replay: %d raw messages -> %d events applied to portraits in %.1f s (%.0f events/s end to end)%n",
                    messages.size(), (long) applied, seconds, applied / seconds);
            assertThat((long) applied).isEqualTo(counts.expectedEvents());

            int twoOrMoreChannels = 0;
            for (MovieLensData.User u : data.users().values()) {
                ServiceProcess.Answer a = profile.get("/v1/profiles/ml-" + u.id(), TestCredentials.READER);
                assertThat(a.status()).as("portrait of user %d", u.id()).isEqualTo(200);
                JsonNode p = Json.MAPPER.readTree(a.body());
                assertThat(p.path("customer_id").asText()).isEqualTo("u:ml-" + u.id());
                assertThat(p.path("traits").path("gender").asText()).isEqualTo(u.gender());
                assertThat(p.path("traits").path("occupation").asText()).isEqualTo(u.occupation());
                assertThat(p.path("traits").path("age").asText()).isEqualTo(String.valueOf(u.age()));
                assertThat(p.path("traits").has("age_group")).isTrue();
                assertThat(p.path("activity").path("product_views").asLong()).isPositive();
                if (p.path("channels").size() >= 2) {
                    twoOrMoreChannels++;
                }
            }
            System.out.printf("portraits: %d of %d users, %d seen on two or more channels%n", data.users().size(), data.users().size(), twoOrMoreChannels);
            // Store customers browse in the app, and every fifth user has a second channel.
            assertThat(twoOrMoreChannels).isGreaterThan(data.users().size() / 4);

            HttpResponse<String> retrain = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(profile.url("/v1/models/retrain")))
                    .header("Authorization", "Bearer " + ADMIN).POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("models on the live service: " + retrain.body());
            assertThat(retrain.statusCode()).isEqualTo(200);
            JsonNode models = Json.MAPPER.readTree(retrain.body());
            assertThat(models.path("status").asText()).isEqualTo("done");
            assertThat(models.path("purchase_propensity").path("auc").asDouble()).isGreaterThan(0.5);
            assertThat(models.path("churn_risk").path("auc").asDouble()).isGreaterThan(0.5);
            assertThat(models.path("clusters").path("k").asInt()).isBetween(2, 8);
        }
    }

    private static double metric(String exposition, String name) {
        return exposition.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
