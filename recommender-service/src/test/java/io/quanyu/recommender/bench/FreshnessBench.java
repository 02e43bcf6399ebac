package io.quanyu.recommender.bench;

import io.quanyu.events.Json;
import io.quanyu.events.Topics;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.ReplayOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * {@code ./quanyu bench recommender-freshness [probes]}: the packaged ingestion and recommender services on the
 * real broker and PostgreSQL, trained on the MovieLens replay. Each probe takes a customer's current top item,
 * publishes a web checkout of it on {@code raw.web}, and times until that item is gone from
 * {@code GET /v1/recommendations/{user}}: raw topic, ingestion, events.v1, the recommender's history, the answer.
 */
public final class FreshnessBench {

    public static void main(String[] args) throws Exception {
        int probes = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("machine: " + Machine.describe());
        Path root = Path.of(System.getProperty("quanyu.root", "."));
        Map<String, String> ingestionEnv = ServiceProcess.infraEnv("fresh_ingestion");
        ingestionEnv.put("QUANYU_PII_SECRET", "bench-secret-0123456789abcdef");
        Map<String, String> recommenderEnv = ServiceProcess.infraEnv("fresh_recommender");
        recommenderEnv.put("QUANYU_ADMIN_TOKEN", "bench-admin");
        recommenderEnv.put("QUANYU_READER_TOKEN", TestCredentials.READER_TOKEN);
        try (ServiceProcess ingestion = ServiceProcess.of(root.resolve("ingestion-service/target/quarkus-app/quarkus-run.jar"), ingestionEnv,
                root.resolve("recommender-service/target/bench-fresh-ingestion.log"), "-Xmx384m", "-XX:+UseSerialGC").start(Duration.ofSeconds(120));
             ServiceProcess recommender = ServiceProcess.of(root.resolve("recommender-service/target/quarkus-app/quarkus-run.jar"), recommenderEnv,
                     root.resolve("recommender-service/target/bench-fresh-recommender.log"), "-Xmx512m", "-XX:+UseSerialGC").start(Duration.ofSeconds(120));
             KafkaTestClient kafka = KafkaTestClient.shared()) {
            var messages = MovieLensReplay.messages(ReplayOptions.defaults());
            var counts = MovieLensReplay.count(messages);
            long start = System.nanoTime();
            MovieLensReplay.publish(Infra.kafka().bootstrapServers(), messages);
            // One interaction row per view, review and purchase line (each replay purchase has one line).
            Rows.await(recommenderEnv, counts.views() + counts.reviews() + counts.purchases(), Duration.ofMinutes(5));
            System.out.printf("replay (%d raw messages) stored as interactions in %.1f s%n", messages.size(), (System.nanoTime() - start) / 1e9);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> trained = http.send(HttpRequest.newBuilder(URI.create(recommender.url("/v1/models/retrain")))
                    .header("Authorization", "Bearer bench-admin").POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            System.out.println("trained: " + trained.body());

            Random random = new Random(42);
            List<Double> millis = new ArrayList<>();
            int timedOut = 0;
            for (int p = 0; p < probes; p++) {
                int uid = 1 + random.nextInt(943);
                String item = top(recommender, "ml-" + uid);
                if (item == null) {
                    continue;
                }
                String raw = """
                        {"message_id":"fresh-%s","anonymous_id":"ml-anon-%d","user_id":"ml-%d","event":"checkout","ts":%d,
                         "properties":{"order_id":"fresh-%1$s","lines":[{"product_id":"%s","quantity":1,"unit_price":19.9}]}}"""
                        .formatted(UUID.randomUUID(), uid, uid, System.currentTimeMillis(), item);
                long sent = System.nanoTime();
                kafka.send(Topics.RAW_WEB, "ml-anon-" + uid, raw.getBytes(StandardCharsets.UTF_8));
                long deadline = sent + Duration.ofSeconds(10).toNanos();
                boolean gone = false;
                while (System.nanoTime() < deadline) {
                    if (!items(recommender, "ml-" + uid).contains(item)) {
                        gone = true;
                        break;
                    }
                    Thread.sleep(5);
                }
                if (gone) {
                    millis.add((System.nanoTime() - sent) / 1e6);
                } else {
                    timedOut++;
                }
            }
            double[] m = millis.stream().mapToDouble(d -> d).toArray();
            System.out.printf("FRESHNESS over %d probes (raw.web checkout -> item gone from GET /v1/recommendations): p50 %.0f ms, p95 %.0f ms, "
                    + "p99 %.0f ms, max %.0f ms; %d not gone within 10 s%n", m.length, Stats.quantile(m, 0.5), Stats.quantile(m, 0.95),
                    Stats.quantile(m, 0.99), java.util.Arrays.stream(m).max().orElse(0), timedOut);
        }
        System.exit(0);
    }

    private static String top(ServiceProcess s, String user) throws java.io.IOException {
        List<String> items = items(s, user);
        return items.isEmpty() ? null : items.getFirst();
    }

    private static List<String> items(ServiceProcess s, String user) throws java.io.IOException {
        ServiceProcess.Answer a = s.get("/v1/recommendations/" + user, TestCredentials.READER);
        List<String> out = new ArrayList<>();
        if (a.status() == 200) {
            Json.MAPPER.readTree(a.body()).path("items").forEach(i -> out.add(i.path("item_id").asText()));
        }
        return out;
    }
}
