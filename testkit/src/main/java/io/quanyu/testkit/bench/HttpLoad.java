package io.quanyu.testkit.bench;

import io.quanyu.testkit.bench.KeepAliveHttp.Reply;
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

    /**
     * One request, made ready on the load's thread (where the random source is) and sent later from its own virtual
     * thread, e.g. {@code () -> http.get(path)} with a {@link KeepAliveHttp}.
     */
    @FunctionalInterface
    public interface Exchange {

        Reply call() throws Exception;
    }

    private HttpLoad() {
    }

    /** Sends rate × seconds requests, one every 1/rate s; next makes each request from the load's random source. */
    public static Result fixedRate(Function<SplittableRandom, Exchange> next, SplittableRandom random, int rate, int seconds)
            throws InterruptedException {
        int total = rate * seconds;
        long intervalNanos = 1_000_000_000L / rate;
        Tally tally = new Tally();
        CountDownLatch done = new CountDownLatch(total);
        long begin = System.nanoTime() + 50_000_000L;
        for (int k = 0; k < total; k++) {
            long scheduled = begin + k * intervalNanos;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            Exchange exchange = next.apply(random);
            Thread.startVirtualThread(() -> {
                try {
                    tally.run(exchange, scheduled);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        return tally.result();
    }

    /** Keeps inFlight requests going for seconds; each virtual thread draws its requests from its own split of random. */
    public static Result closedLoop(Function<SplittableRandom, Exchange> next, SplittableRandom random, int inFlight, int seconds)
            throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        Tally tally = new Tally();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (int t = 0; t < inFlight; t++) {
            SplittableRandom own = random.split();
            threads.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < end) {
                    Exchange exchange;
                    try {
                        exchange = next.apply(own);
                    } catch (RuntimeException e) {
                        tally.failed(e);
                        continue;
                    }
                    tally.run(exchange, System.nanoTime());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return tally.result();
    }

    /** {@link #fixedRate(Function, SplittableRandom, int, int)} through the JDK's client. */
    public static Result fixedRate(HttpClient http, Function<SplittableRandom, HttpRequest> next, SplittableRandom random, int rate, int seconds)
            throws InterruptedException {
        return fixedRate(through(http, next), random, rate, seconds);
    }

    /** {@link #closedLoop(Function, SplittableRandom, int, int)} through the JDK's client. */
    public static Result closedLoop(HttpClient http, Function<SplittableRandom, HttpRequest> next, SplittableRandom random, int inFlight,
                                    int seconds) throws InterruptedException {
        return closedLoop(through(http, next), random, inFlight, seconds);
    }

    /** A GET with the benchmarks' 10 s timeout. */
    public static HttpRequest get(String url) {
        return HttpRequest.newBuilder(java.net.URI.create(url)).timeout(Duration.ofSeconds(10)).build();
    }

    private static Function<SplittableRandom, Exchange> through(HttpClient http, Function<SplittableRandom, HttpRequest> next) {
        return random -> {
            HttpRequest request = next.apply(random);
            return () -> {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                return new Reply(response.statusCode(), response.body());
            };
        };
    }

    /** What the requests of one load came to. */
    private static final class Tally {
        private final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        private final AtomicInteger errors = new AtomicInteger();

        /** Sends one request; its latency counts from since (its scheduled time, or when it was sent). */
        void run(Exchange exchange, long since) {
            Reply reply;
            try {
                reply = exchange.call();
            } catch (Exception e) {
                failed(e);
                return;
            }
            if (reply.status() == 200) {
                latencies.add((System.nanoTime() - since) / 1e6);
            } else {
                failed(reply.status() + " " + reply.bodyText());
            }
        }

        void failed(Object what) {
            if (errors.incrementAndGet() == 1) {
                System.out.println("first error: " + what);
            }
        }

        Result result() {
            return new Result(latencies.stream().mapToDouble(Double::doubleValue).toArray(), errors.get());
        }
    }
}
