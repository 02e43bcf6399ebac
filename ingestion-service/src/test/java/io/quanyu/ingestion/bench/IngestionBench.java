package io.quanyu.ingestion.bench;

import io.quanyu.events.Topics;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import io.quanyu.testkit.replay.Counts;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./quanyu bench ingestion [rounds] [latency-rate]}: the packaged ingestion service as its own process on
 * the real broker and PostgreSQL, fed the MovieLens-100K replay (159k raw messages, 256k events, all five
 * clickstream formats). Throughput: events committed on events.v1 per second from the first to the last of a
 * round, while the round is being published. Latency: raw record written to event committed, at a fixed rate.
 */
public final class IngestionBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.println("machine: " + Machine.describe());
        String bootstrap = Infra.kafka().bootstrapServers();
        Map<String, String> env = ServiceProcess.infraEnv("bench");
        env.put("QUANYU_PII_SECRET", "bench-secret-0123456789abcdef");
        env.put("QUANYU_INGESTION_GROUP", "bench-" + UUID.randomUUID());
        Path module = Path.of(System.getProperty("quanyu.root", ".")).resolve("ingestion-service");
        Path jar = module.resolve("target/quarkus-app/quarkus-run.jar");
        MovieLensData data = MovieLensData.load(ReplayOptions.defaultDataDir());
        List<RawMessage> base = MovieLensReplay.messages(data, ReplayOptions.defaults().withAnchor(Instant.now().minusSeconds(600)));
        Counts counts = MovieLensReplay.count(base);
        System.out.printf("input: MovieLens-100K replay, %d raw messages -> %d events (+%d products) per round%n",
                counts.messages(), counts.expectedEvents(), counts.expectedProducts());
        // The same JVM flags as ./quanyu up.
        try (ServiceProcess service = ServiceProcess.of(jar, env, module.resolve("target/bench-ingestion.log"),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC").start(Duration.ofSeconds(120));
             KafkaProducer<String, byte[]> producer = producer(bootstrap, 10)) {
            System.out.println("service: pid " + service.pid() + ", 2 pipeline workers, -Xmx384m SerialGC (as ./quanyu up)");
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double eps = throughputRound(bootstrap, producer, base, "b" + round + "x" + System.nanoTime() % 100000 + "-", counts.expectedEvents());
                System.out.printf("round %d%s: %,.0f events/s%n", round, round == 0 ? " (warm-up)" : "", eps);
                if (round > 0) {
                    rates.add(eps);
                }
            }
            System.out.printf("THROUGHPUT median %,.0f events/s over %d rounds (min %,.0f, max %,.0f)%n", Stats.median(rates.stream().mapToDouble(d -> d).toArray()), rates.size(),
                    rates.stream().mapToDouble(d -> d).min().orElse(0), rates.stream().mapToDouble(d -> d).max().orElse(0));
            latency(bootstrap, rate, Duration.ofSeconds(20));
        }
        System.exit(0);
    }

    /** Publishes one round (ids made unique by {@code tag}) and times its events on events.v1. */
    private static double throughputRound(String bootstrap, KafkaProducer<String, byte[]> producer, List<RawMessage> base,
                                          String tag, int expected) throws Exception {
        try (KafkaConsumer<String, byte[]> events = consumer(bootstrap)) {
            CompletableFuture<Long> publishing = CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                for (RawMessage m : base) {
                    byte[] value = new String(m.value(), StandardCharsets.UTF_8).replace("ml-", tag + "ml-").getBytes(StandardCharsets.UTF_8);
                    producer.send(new ProducerRecord<>(m.topic(), m.key() == null ? null : m.key().replace("ml-", tag + "ml-"), value));
                }
                producer.flush();
                return System.nanoTime() - t0;
            });
            long first = 0;
            long last = 0;
            int seen = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (seen < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : events.poll(Duration.ofMillis(100))) {
                    if (r.key() != null && r.key().contains(tag)) {
                        if (seen++ == 0) {
                            first = System.nanoTime();
                        }
                        last = System.nanoTime();
                    }
                }
            }
            long publishNanos = publishing.get();
            if (seen < expected) {
                throw new IllegalStateException("only " + seen + " of " + expected + " events arrived");
            }
            System.out.printf("  published %,d raw messages in %.1f s; %,d events out in %.1f s%n", base.size(), publishNanos / 1e9,
                    seen, (last - first) / 1e9);
            return seen / ((last - first) / 1e9);
        }
    }

    /** Web page views at a fixed rate; each one's time from raw record to committed event. */
    private static void latency(String bootstrap, int rate, Duration length) throws Exception {
        String run = "lat" + System.nanoTime() % 100000 + "-";
        int total = (int) (rate * length.toSeconds());
        long[] sentAt = new long[total];
        List<Double> millis = new ArrayList<>(total);
        Map<Integer, Boolean> got = new ConcurrentHashMap<>();
        try (KafkaProducer<String, byte[]> producer = producer(bootstrap, 0); KafkaConsumer<String, byte[]> events = consumer(bootstrap)) {
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    sentAt[i] = System.nanoTime();
                    producer.send(new ProducerRecord<>(Topics.RAW_WEB, run + i, """
                            {"message_id":"%s%d","anonymous_id":"%1$s%2$d","event":"page_view","page_url":"https://shop/","ts":%d}"""
                            .formatted(run, i, System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8)));
                }
            });
            long deadline = System.nanoTime() + length.plusSeconds(60).toNanos();
            while (got.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : events.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    if (r.key() != null && r.key().startsWith("a:" + run)) {
                        int i = Integer.parseInt(r.key().substring(2 + run.length()));
                        if (got.putIfAbsent(i, true) == null) {
                            millis.add((now - sentAt[i]) / 1e6);
                        }
                    }
                }
            }
            sending.get();
        }
        System.out.printf("LATENCY at %,d events/s for %d s (%,d of %,d events): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate,
                length.toSeconds(), millis.size(), total, Stats.quantile(array(millis), 0.5), Stats.quantile(array(millis), 0.99),
                millis.stream().mapToDouble(d -> d).max().orElse(0));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(d -> d).toArray();
    }

    private static KafkaProducer<String, byte[]> producer(String bootstrap, int lingerMs) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, lingerMs), new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        c.subscribe(List.of(Topics.EVENTS));
        while (c.assignment().isEmpty()) {
            c.poll(Duration.ofMillis(100));
        }
        c.assignment().forEach(c::position);
        return c;
    }
}
