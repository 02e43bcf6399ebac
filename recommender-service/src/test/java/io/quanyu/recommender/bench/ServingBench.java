package io.quanyu.recommender.bench;

import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.ServiceProcess;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./quanyu bench recommender-serving [items] [users] [rate] [seconds]}: the packaged recommender on the real
 * broker and PostgreSQL, trained on a synthetic shop (default 100,000 products, 50,000 customers), then asked for
 * top-10 lists at a fixed rate. Latency counts from each request's scheduled time, so a stall delays every request
 * behind it and shows (no coordinated omission). Then the rate the service sustains with 16 requests in flight.
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
            System.out.printf("requests: top 10; 90%% known customers (uniform), 10%% unknown keys (fallback), %d s warm-up then %d s measured%n",
                    warmUp, seconds);
            fixedRate(http, recommender, shop, random, rate, warmUp);
            Result r = fixedRate(http, recommender, shop, random, rate, seconds);
            System.out.printf("SERVING at %d req/s for %d s: %d requests, %d errors, achieved %.0f req/s; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, "
                    + "max %.1f ms%n", rate, seconds, r.latencies.length, r.errors, r.latencies.length / (double) seconds,
                    Stats.quantile(r.latencies, 0.5), Stats.quantile(r.latencies, 0.9), Stats.quantile(r.latencies, 0.99),
                    java.util.Arrays.stream(r.latencies).max().orElse(0));
            int inFlight = 16;
            Result max = closedLoop(http, recommender, shop, random, inFlight, 20);
            System.out.printf("THROUGHPUT with %d in flight for 20 s: %.0f req/s, %d errors; latency p50 %.1f ms, p99 %.1f ms%n", inFlight,
                    max.latencies.length / 20.0, max.errors, Stats.quantile(max.latencies, 0.5), Stats.quantile(max.latencies, 0.99));
            System.out.println("model: " + recommender.get("/v1/models").body());
        }
        System.exit(0);
    }

    private record Result(double[] latencies, int errors) {
    }

    private static URI target(ServiceProcess s, SyntheticShop shop, SplittableRandom random) {
        String user = random.nextDouble() < 0.9 ? SyntheticShop.userKey(random.nextInt(shop.users)) : "a:visitor-" + random.nextInt(1_000_000);
        return URI.create(s.url("/v1/recommendations/" + user + "?limit=10"));
    }

    private static Result fixedRate(HttpClient http, ServiceProcess s, SyntheticShop shop, SplittableRandom random, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(total);
        long begin = System.nanoTime() + 50_000_000L;
        for (int k = 0; k < total; k++) {
            long scheduled = begin + k * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            http.sendAsync(HttpRequest.newBuilder(target(s, shop, random)).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((resp, err) -> {
                        if (err != null || resp.statusCode() != 200) {
                            if (errors.incrementAndGet() == 1) {
                                System.out.println("first error: " + (err != null ? err : resp.statusCode() + " " + resp.body()));
                            }
                        } else {
                            latencies.add((System.nanoTime() - scheduled) / 1e6);
                        }
                        done.countDown();
                    });
        }
        done.await();
        return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), errors.get());
    }

    private static Result closedLoop(HttpClient http, ServiceProcess s, SyntheticShop shop, SplittableRandom random, int inFlight, int seconds)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong seeds = new AtomicLong(random.nextLong());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < inFlight; t++) {
            SplittableRandom own = new SplittableRandom(seeds.incrementAndGet());
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(HttpRequest.newBuilder(target(s, shop, own)).timeout(Duration.ofSeconds(10)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (resp.statusCode() == 200) {
                            latencies.add((System.nanoTime() - sent) / 1e6);
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), errors.get());
    }
}
