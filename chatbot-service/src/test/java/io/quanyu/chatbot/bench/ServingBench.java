package io.quanyu.chatbot.bench;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.bench.HttpLoad;
import io.quanyu.testkit.bench.Machine;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code ./quanyu bench chatbot-serving [customers] [rate] [seconds]}: the packaged chatbot on the real broker and
 * PostgreSQL, with orders of a synthetic shop on events.v1 and a catalog on catalog.products.v1, answering a mix of
 * Chinese and English turns (orders across turns, FAQ, products, small talk, out of scope) at a fixed rate, then with
 * 8 turns in flight. Latency counts from each turn's scheduled time (see HttpLoad). Signed-in customers send their
 * customer token; their 3 sessions each are opened (named by the server) before the load starts.
 */
public final class ServingBench {

    private static final String[] EN = {"Where is my order?", "{order}", "when will it arrive?", "Can I get a refund for order {order}?",
            "What payment methods do you accept?", "Is the Mi Band {n} in stock?", "hello", "thanks a lot", "What's the weather like tomorrow?"};
    private static final String[] ZH = {"我的订单到哪了？", "订单号是{order}", "什么时候能到货", "订单{order}可以退款吗", "一般多久能收到货？",
            "小米手环{n}还有货吗", "你好", "谢谢", "给我讲个笑话"};

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        System.out.println("machine: " + Machine.describe());
        Path root = Path.of(System.getProperty("quanyu.root", "."));
        Map<String, String> env = ServiceProcess.infraEnv("serving_chatbot");
        env.put("QUANYU_ADMIN_TOKEN", "bench-admin");
        env.put("QUANYU_CUSTOMER_TOKEN_SECRET", TestCredentials.CUSTOMER_SECRET);
        // No recommender runs here: product answers go out without similar items, after a refused connection.
        env.put("QUANYU_RECOMMENDER_URL", "http://127.0.0.1:9");
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-XX:+UseZGC"));
        if (System.getProperty("bench.jfr") != null) { // -Dbench.jfr=FILE profiles the service while it runs
            jvm.add("-XX:StartFlightRecording=filename=" + System.getProperty("bench.jfr") + ",settings=profile");
        }
        try (ServiceProcess chatbot = ServiceProcess.of(root.resolve("chatbot-service/target/quarkus-app/quarkus-run.jar"), env,
                root.resolve("chatbot-service/target/bench-serving-chatbot.log"), jvm.toArray(String[]::new)).start(Duration.ofSeconds(120));
             KafkaTestClient kafka = KafkaTestClient.shared()) {
            long start = System.nanoTime();
            kafka.sendAll(shop(customers));
            awaitOrders(env, 2L * customers, Duration.ofMinutes(5));
            System.out.printf("synthetic shop: %,d customers with 2 orders each, 50 products; stored in %.1f s%n", customers,
                    (System.nanoTime() - start) / 1e9);
            System.out.println("turns: half Chinese, half English; per language 9 utterances drawn uniformly (order status asked, then the "
                    + "number, follow-ups, refund, FAQ, product stock, greeting, thanks, out of scope), 90 % signed-in customers over 3 "
                    + "sessions each, 10 % anonymous");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            String[] tokens = new String[customers];
            for (int c = 0; c < customers; c++) {
                tokens[c] = TestCredentials.customer("bench-" + c);
            }
            String[][] sessions = openSessions(http, chatbot, tokens);
            Function<SplittableRandom, HttpRequest> next = rnd -> turn(chatbot, tokens, sessions, rnd);
            SplittableRandom random = new SplittableRandom(17);
            int warmUp = Integer.getInteger("bench.warmup", 20);
            HttpLoad.fixedRate(http, next, random, rate, warmUp);
            HttpLoad.Result r = HttpLoad.fixedRate(http, next, random, rate, seconds);
            System.out.printf("SERVING at %d turns/s for %d s after %d s warm-up: %d turns, %d errors; latency p50 %.1f ms, p90 %.1f ms, "
                    + "p99 %.1f ms, max %.1f ms (target p99 <= 50 ms)%n", rate, seconds, warmUp, r.latenciesMs().length, r.errors(),
                    r.quantile(0.5), r.quantile(0.9), r.quantile(0.99), r.max());
            HttpLoad.Result max = HttpLoad.closedLoop(http, next, random, 8, 20);
            System.out.printf("THROUGHPUT with 8 in flight for 20 s: %.0f turns/s, %d errors; latency p50 %.1f ms, p99 %.1f ms%n",
                    max.latenciesMs().length / 20.0, max.errors(), max.quantile(0.5), max.quantile(0.99));
        }
        System.exit(0);
    }

    private static List<ProducerRecord<String, byte[]>> shop(int customers) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            out.add(new ProducerRecord<>(Topics.CATALOG_PRODUCTS, "band-" + n, EventCodec.encode(new Product("band-" + n, "小米手环" + n, null,
                    "wearables", "Xiaomi", new BigDecimal("199.00"), "CNY", n % 5 != 0, Instant.now()))));
            out.add(new ProducerRecord<>(Topics.CATALOG_PRODUCTS, "miband-" + n, EventCodec.encode(new Product("miband-" + n, "Mi Band " + n, null,
                    "wearables", "Xiaomi", new BigDecimal("29.00"), "USD", true, Instant.now()))));
        }
        Instant now = Instant.now();
        for (int c = 0; c < customers; c++) {
            String key = "u:bench-" + c;
            for (int o = 0; o < 2; o++) {
                Instant at = now.minus(1 + 7L * o, ChronoUnit.DAYS);
                Purchase p = new Purchase(order(c, o), List.of(new OrderLine("band-" + (1 + c % 50), 1 + o, new BigDecimal("199.00"))),
                        new BigDecimal("199.00").multiply(BigDecimal.valueOf(1 + o)), "CNY", null);
                out.add(new ProducerRecord<>(Topics.EVENTS, key, EventCodec.encode(CloudEvent.of("bench-" + c + "-" + o, Channel.APP,
                        EventType.PURCHASE, at, key, at, null, p))));
            }
        }
        return out;
    }

    private static String order(int customer, int n) {
        return String.format("DD%08d%d", customer, n);
    }

    /** Three sessions per customer, opened by a first turn each (the server names them), eight requests in flight. */
    private static String[][] openSessions(HttpClient http, ServiceProcess chatbot, String[] tokens) throws Exception {
        String[][] sessions = new String[tokens.length][3];
        java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(8);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (int c = 0; c < tokens.length; c++) {
            for (int k = 0; k < 3; k++) {
                int customer = c;
                int slot = k;
                inFlight.acquire();
                pending.add(http.sendAsync(request(chatbot, tokens[c], Map.of("channel", "app", "text", "hello")), HttpResponse.BodyHandlers.ofByteArray())
                        .thenAccept(r -> sessions[customer][slot] = sessionOf(r)).whenComplete((v, e) -> inFlight.release()));
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return sessions;
    }

    private static String sessionOf(HttpResponse<byte[]> r) {
        try {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("opening a session answered " + r.statusCode() + ": " + new String(r.body()));
            }
            return Json.MAPPER.readTree(r.body()).path("session_id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpRequest turn(ServiceProcess chatbot, String[] tokens, String[][] sessions, SplittableRandom r) {
        int c = r.nextInt(tokens.length);
        boolean zh = r.nextBoolean();
        String[] lines = zh ? ZH : EN;
        String text = lines[r.nextInt(lines.length)].replace("{order}", order(c, r.nextInt(2))).replace("{n}", String.valueOf(1 + r.nextInt(50)));
        boolean known = r.nextInt(10) > 0;
        return known ? request(chatbot, tokens[c], Map.of("session_id", sessions[c][r.nextInt(3)], "channel", "app", "text", text))
                : request(chatbot, null, Map.of("channel", "web", "text", text));
    }

    private static HttpRequest request(ServiceProcess chatbot, String authorization, Map<String, String> body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(chatbot.url("/v1/chat"))).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(Json.MAPPER.writeValueAsBytes(body)));
            return authorization == null ? b.build() : b.header("Authorization", authorization).build();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void awaitOrders(Map<String, String> env, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(env.get("QUANYU_DB_URL"), env.get("QUANYU_DB_USER"), env.get("QUANYU_DB_PASSWORD"))) {
            while (true) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM chat_order")) {
                    rs.next();
                    if (rs.getLong(1) >= expected) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("orders not stored within " + timeout);
                }
                Thread.sleep(250);
            }
        }
    }
}
