package io.quanyu.testkit.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * HTTP load for serving benchmarks: requests at a fixed rate, with latency counted from each request's scheduled time
 * (so a stall delays every request behind it and shows: no coordinated omission), or a closed loop with a fixed number
 * in flight for the rate a service sustains. Only a 200 counts as served.
 */
public final class HttpLoad {

    /** Latencies of the served requests, in milliseconds, and how many were not served. */
    public record Result(double[] latenciesMs, int errors) {

        public double quantile(double q) {
            return Stats.quantile(latenciesMs, q);
        }

        public double max() {
            return java.util.Arrays.stream(latenciesMs).max().orElse(0);
        }
    }

    private HttpLoad() {
    }

    /** Sends rate × seconds requests, one every 1/rate s; next makes each request from the load's random source. */
    public static Result fixedRate(HttpClient http, Function<SplittableRandom, HttpRequest> next, SplittableRandom random, int rate, int seconds)
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
            http.sendAsync(next.apply(random), HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
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

    /** Keeps inFlight requests going for seconds; each virtual thread draws its requests from its own split of random. */
    public static Result closedLoop(HttpClient http, Function<SplittableRandom, HttpRequest> next, SplittableRandom random, int inFlight,
                                    int seconds) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < inFlight; t++) {
            SplittableRandom own = random.split();
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    try {
                        HttpResponse<String> resp = http.send(next.apply(own), HttpResponse.BodyHandlers.ofString());
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

    /** A GET with the benchmarks' 10 s timeout. */
    public static HttpRequest get(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }
}
