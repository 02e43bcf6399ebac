package io.quanyu.testkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpLoadTest {

    private HttpServer server;
    private KeepAliveHttp http;
    private String base;
    private final AtomicInteger served = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", ex -> {
            served.incrementAndGet();
            byte[] body = ex.getRequestURI().toString().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(ex.getRequestURI().getPath().startsWith("/busy") ? 503 : 200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://localhost:" + server.getAddress().getPort();
        http = new KeepAliveHttp(base);
    }

    @AfterEach
    void stop() {
        http.close();
        server.stop(0);
    }

    @Test
    void fixedRateSendsEveryScheduledRequest() throws InterruptedException {
        HttpLoad.Result r = HttpLoad.fixedRate(random -> {
            String path = "/item/" + random.nextInt(1000);
            return () -> http.get(path);
        }, new SplittableRandom(1), 200, 1);
        assertThat(r.latenciesMs()).hasSize(200);
        assertThat(r.errors()).isZero();
        assertThat(served.get()).isEqualTo(200);
        assertThat(r.quantile(0.5)).isPositive();
    }

    @Test
    void fixedRateCountsWhatIsNotA200AsAnError() throws InterruptedException {
        HttpLoad.Result r = HttpLoad.fixedRate(random -> () -> http.get("/busy"), new SplittableRandom(1), 100, 1);
        assertThat(r.latenciesMs()).isEmpty();
        assertThat(r.errors()).isEqualTo(100);
    }

    @Test
    void fixedRateCountsExceptionsAsErrors() throws InterruptedException {
        HttpLoad.Result r = HttpLoad.fixedRate(random -> () -> {
            throw new IOException("refused");
        }, new SplittableRandom(1), 50, 1);
        assertThat(r.latenciesMs()).isEmpty();
        assertThat(r.errors()).isEqualTo(50);
    }

    @Test
    void closedLoopKeepsRequestsGoing() throws InterruptedException {
        HttpLoad.Result r = HttpLoad.closedLoop(random -> {
            String path = "/item/" + random.nextInt(1000);
            return () -> http.get(path);
        }, new SplittableRandom(1), 4, 1);
        assertThat(r.latenciesMs()).isNotEmpty();
        assertThat(r.errors()).isZero();
        assertThat(served.get()).isEqualTo(r.latenciesMs().length);
    }

    @Test
    void theJdkClientMethodsStillWork() throws InterruptedException {
        try (HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpLoad.Result r = HttpLoad.fixedRate(jdk, random -> HttpLoad.get(base + "/item/" + random.nextInt(10)), new SplittableRandom(1), 50, 1);
            assertThat(r.latenciesMs()).hasSize(50);
            assertThat(r.errors()).isZero();
            HttpLoad.Result busy = HttpLoad.fixedRate(jdk, random -> HttpLoad.get(base + "/busy"), new SplittableRandom(1), 20, 1);
            assertThat(busy.errors()).isEqualTo(20);
            HttpLoad.Result loop = HttpLoad.closedLoop(jdk, random -> HttpLoad.get(base + "/item/1"), new SplittableRandom(1), 2, 1);
            assertThat(loop.latenciesMs()).isNotEmpty();
            assertThat(loop.errors()).isZero();
        }
    }
}
