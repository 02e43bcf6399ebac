package io.quanyu.recommender.bench;

import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.bench.HttpLoad;
import io.quanyu.testkit.bench.KeepAliveHttp;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * {@code ./quanyu bench recommender-serving [items] [users] [rate] [seconds]}: the packaged recommender on the real
 * broker and PostgreSQL, trained on a synthetic shop (default 100,000 products, 50,000 customers), then asked for
 * top-10 lists at a fixed rate, in windows whose median p99 is the headline. Latency counts from each request's scheduled time, so a stall delays every request
 * behind it and shows (no coordinated omission; see HttpLoad). Then the rate the service sustains with 16 requests in flight.
 */
public final class ServingBench {

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int users = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        System.out.println("machine: " + Machine.describe());
        Path root = Path.of(System.getProperty("quanyu.root", "."));
        Map<String, String> env = ServiceProcess.infraEnv("serving_recommender");
        env.put("QUANYU_ADMIN_TOKEN", "bench-admin");
        env.put("QUANYU_READER_TOKEN", TestCredentials.READER_TOKEN);
        // The lists for active customers would be computed during the measurement: that is publishing load, not serving.
        env.put("QUANYU_RECOMMENDER_PUBLISH_ENABLED", "false");
        env.put("QUANYU_RECOMMENDER_RETRAIN_EVERY", "24h");
        SyntheticShop shop = new SyntheticShop(items, 200, users, 20, 7);
        List<String> jvm = new ArrayList<>(List.of("-Xmx3g", "-XX:+UseZGC", "-Xlog:gc:file=" + root.resolve("recommender-service/target/bench-serving-gc.log")));
        if (System.getProperty("bench.jfr") != null) { // -Dbench.jfr=FILE profiles the service while it runs
            jvm.add("-XX:StartFlightRecording=filename=" + System.getProperty("bench.jfr") + ",settings=profile");
        }
        try (ServiceProcess recommender = ServiceProcess.of(root.resolve("recommender-service/target/quarkus-app/quarkus-run.jar"), env,
                root.resolve("recommender-service/target/bench-serving-recommender.log"), jvm.toArray(String[]::new)).start(Duration.ofSeconds(120));
             KafkaTestClient kafka = KafkaTestClient.shared()) {
            long start = System.nanoTime();
            kafka.sendAll(shop.catalog());
            var events = shop.events();
            kafka.sendAll(events);
            long rows = Rows.await(env, events.size(), Duration.ofMinutes(10));
            Rows.await(env, "item", items, Duration.ofMinutes(5));
            System.out.printf("synthetic shop: %,d products in %d categories, %,d customers, %,d interactions (mean %.0f per customer), "
                    + "published and stored in %.0f s%n", items, shop.categories, users, rows, rows / (double) users, (System.nanoTime() - start) / 1e9);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            HttpResponse<String> trained = http.send(HttpRequest.newBuilder(URI.create(recommender.url("/v1/models/retrain")))
                    .header("Authorization", "Bearer bench-admin").timeout(Duration.ofMinutes(15)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            System.out.println("trained: " + trained.body());

            SplittableRandom random = new SplittableRandom(11);
            // The warm-up also lets the collector reclaim the previous models and PostgreSQL vacuum the bulk load:
            // both take a core for seconds after a training, which is not what steady serving looks like.
            int warmUp = Integer.getInteger("bench.warmup", 30);
            int windows = Integer.getInteger("bench.windows", 5);
            System.out.printf("requests: top 10; 90%% known customers (uniform), 10%% unknown keys (fallback), %d s warm-up then %d windows of %d s%n",
                    warmUp, windows, seconds);
            // A lean keep-alive client: the JDK's took about 0.4 of a core at 500 requests/s, from the service it measures.
            // As the back office asks (the reader token); a customer's own token costs one HMAC more, well under the noise.
            try (KeepAliveHttp client = new KeepAliveHttp(recommender.url(""), TestCredentials.READER)) {
                Function<SplittableRandom, HttpLoad.Exchange> next = rnd -> {
                    String path = path(shop, rnd);
                    return () -> client.get(path);
                };
                HttpLoad.fixedRate(next, random, rate, warmUp);
                // Windows, reported with their median: one neighbour's burst on this shared machine lands in one of them.
                double[] p99 = new double[windows];
                List<double[]> all = new ArrayList<>();
                int errors = 0;
                for (int w = 0; w < windows; w++) {
                    HttpLoad.Result r = HttpLoad.fixedRate(next, random, rate, seconds);
                    p99[w] = r.quantile(0.99);
                    all.add(r.latenciesMs());
                    errors += r.errors();
                    System.out.printf("window %d at %d req/s for %d s: %d served, %d errors; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                            w + 1, rate, seconds, r.latenciesMs().length, r.errors(), r.quantile(0.5), r.quantile(0.9), p99[w], r.max());
                }
                HttpLoad.Result pooled = new HttpLoad.Result(all.stream().flatMapToDouble(java.util.Arrays::stream).toArray(), errors);
                System.out.printf("SERVING at %d req/s, %d windows of %d s: median window p99 %.1f ms (windows: %s); all %d requests: %d errors, "
                                + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", rate, windows, seconds, Stats.median(p99),
                        java.util.Arrays.stream(p99).mapToObj(x -> String.format("%.1f", x)).toList(), pooled.latenciesMs().length, errors,
                        pooled.quantile(0.5), pooled.quantile(0.9), pooled.quantile(0.99), pooled.max());
                int inFlight = 16;
                HttpLoad.Result max = HttpLoad.closedLoop(next, random, inFlight, 20);
                System.out.printf("THROUGHPUT with %d in flight for 20 s: %.0f req/s, %d errors; latency p50 %.1f ms, p99 %.1f ms%n", inFlight,
                        max.latenciesMs().length / 20.0, max.errors(), max.quantile(0.5), max.quantile(0.99));
            }
            System.out.println("model: " + recommender.get("/v1/models").body());
        }
        System.exit(0);
    }

    private static String path(SyntheticShop shop, SplittableRandom random) {
        String user = random.nextDouble() < 0.9 ? SyntheticShop.userKey(random.nextInt(shop.users)) : "a:visitor-" + random.nextInt(1_000_000);
        return "/v1/recommendations/" + user + "?limit=10";
    }
}
