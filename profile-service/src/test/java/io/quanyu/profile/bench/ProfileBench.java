package io.quanyu.profile.bench;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code ./quanyu bench profile [rounds] [rate]}: the packaged profile service on the real broker and PostgreSQL.
 * Throughput: a backlog of normalized events (views, purchases, logins that merge identities) applied to
 * portraits, per second. Latency: at a fixed rate, from an event's publication to its effect answering on
 * {@code GET /v1/profiles/{id}}.
 */
public final class ProfileBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        System.out.println("machine: " + Machine.describe());
        Map<String, String> env = ServiceProcess.infraEnv("bench_profile");
        env.put("QUANYU_READER_TOKEN", TestCredentials.READER_TOKEN);
        // Settings to compare (QUANYU_PROFILE_WORKERS, QUANYU_PROFILE_CONSUMER_MAX_POLL_RECORDS...) pass through.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("QUANYU_PROFILE_")) {
                env.put(k, v);
                System.out.println("setting: " + k + "=" + v);
            }
        });
        Path module = Path.of(System.getProperty("quanyu.root", ".")).resolve("profile-service");
        try (ServiceProcess service = ServiceProcess.of(module.resolve("target/quarkus-app/quarkus-run.jar"), env,
                module.resolve("target/bench-profile.log"), "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC").start(Duration.ofSeconds(120));
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                     Infra.kafka().bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5),
                     new StringSerializer(), new ByteArraySerializer())) {
            System.out.println("service: pid " + service.pid() + ", -Xmx384m SerialGC (as ./quanyu up)");
            List<Double> rates = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                List<CloudEvent> events = workload("r" + round + UUID.randomUUID().toString().substring(0, 4), 100_000, 10_000);
                double before = applied(service);
                long t0 = System.nanoTime();
                for (CloudEvent e : events) {
                    producer.send(new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
                }
                producer.flush();
                while (applied(service) < before + events.size()) {
                    Thread.sleep(50);
                }
                double eps = events.size() / ((System.nanoTime() - t0) / 1e9);
                System.out.printf("round %d%s: %,d events (10,000 customers, 20%% with a login merging 2 keys) applied at %,.0f events/s%n",
                        round, round == 0 ? " (warm-up)" : "", events.size(), eps);
                if (round > 0) {
                    rates.add(eps);
                }
            }
            System.out.printf("THROUGHPUT median %,.0f events/s over %d rounds (publishing included)%n",
                    Stats.median(rates.stream().mapToDouble(d -> d).toArray()), rates.size());
            String before = postgresActivity(env);
            latency(service, producer, rate, Duration.ofSeconds(20));
            // What the database did in the background during the latency window: a suspect for the tail.
            System.out.println("postgres before the latency window: " + before);
            System.out.println("postgres after the latency window:  " + postgresActivity(env));
        }
        System.exit(0);
    }

    /** Views and purchases for {@code customers} customers; a fifth of them log in, linking a second key. */
    static List<CloudEvent> workload(String run, int count, int customers) {
        Random random = new Random(7);
        Instant t = Instant.now().minus(Duration.ofHours(1));
        List<CloudEvent> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int c = random.nextInt(customers);
            String anon = "a:" + run + "-w" + c;
            if (c % 5 == 0 && random.nextInt(10) == 0) {
                out.add(event(Channel.APP, EventType.IDENTIFY, "u:" + run + "-" + c, t, new Identify(run + "-" + c,
                        List.of(new LinkedId(IdKind.ANONYMOUS_ID, run + "-w" + c)), Map.of("age", "30", "gender", "F"))));
            } else if (random.nextInt(10) == 0) {
                out.add(event(Channel.STORE, EventType.PURCHASE, anon, t, new Purchase("o" + i, List.of(new OrderLine("sku-" + (i % 500), 1,
                        BigDecimal.TEN)), BigDecimal.TEN, "CNY", "s1")));
            } else {
                out.add(event(Channel.WEB, EventType.PRODUCT_VIEW, anon, t, new ProductView("sku-" + (i % 500), "cat-" + (i % 20), null)));
            }
        }
        return out;
    }

    /**
     * Background load at {@code rate}, plus ten probes a second: a new customer's first event. A probe counts as
     * visible when its portrait arrives on profile.updates.v1, which the service publishes only after the
     * commit that GET reads, so the figure is an upper bound of the GET latency; each probe is then confirmed
     * with one GET. Polling GET instead would add load that grows with the latency it measures.
     */
    static void latency(ServiceProcess service, KafkaProducer<String, byte[]> producer, int rate, Duration length) throws Exception {
        List<CloudEvent> load = workload("lat" + UUID.randomUUID().toString().substring(0, 4), (int) (rate * length.toSeconds()), 5_000);
        Map<String, Long> sentAt = new java.util.concurrent.ConcurrentHashMap<>();
        List<Double> millis = new ArrayList<>();
        int confirmed = 0;
        try (KafkaConsumer<String, byte[]> updates = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infra.kafka().bootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            updates.subscribe(List.of(Topics.PROFILE_UPDATES));
            while (updates.assignment().isEmpty()) {
                updates.poll(Duration.ofMillis(100));
            }
            updates.assignment().forEach(updates::position);
            Thread sender = Thread.ofPlatform().start(() -> {
                long start = System.nanoTime();
                int probeEvery = Math.max(1, rate / 10);
                for (int i = 0; i < load.size(); i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    CloudEvent e = load.get(i);
                    producer.send(new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
                    if (i % probeEvery == 0) {
                        String key = "a:probe-" + UUID.randomUUID();
                        sentAt.put(key, System.nanoTime());
                        CloudEvent probe = event(Channel.WEB, EventType.PRODUCT_VIEW, key, Instant.now(), new ProductView("sku-1", "tea", null));
                        producer.send(new ProducerRecord<>(Topics.EVENTS, key, EventCodec.encode(probe)));
                    }
                }
                producer.flush();
            });
            int probes = (int) (load.size() / Math.max(1, rate / 10)) + 1;
            long deadline = System.nanoTime() + length.plusSeconds(60).toNanos();
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (seen.size() < probes && System.nanoTime() < deadline) {
                for (var r : updates.poll(Duration.ofMillis(20))) {
                    Long sent = r.key() == null ? null : sentAt.get(r.key());
                    if (sent != null && seen.add(r.key())) {
                        millis.add((System.nanoTime() - sent) / 1e6);
                        if (service.get("/v1/profiles/" + r.key(), TestCredentials.READER).status() == 200) {
                            confirmed++;
                        }
                    }
                }
            }
            sender.join();
        }
        double[] m = millis.stream().mapToDouble(d -> d).toArray();
        System.out.printf("LATENCY at %,d events/s for %d s, %d probes (publication to the portrait committed and published; %d of them "
                + "confirmed by GET /v1/profiles/{id} right after): p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate, length.toSeconds(), m.length,
                confirmed, Stats.quantile(m, 0.5), Stats.quantile(m, 0.99), java.util.Arrays.stream(m).max().orElse(0));
    }

    /** Checkpoints and autovacuum/autoanalyze runs so far, to tell whether they fell inside a window. */
    static String postgresActivity(Map<String, String> env) {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(env.get("QUANYU_DB_URL"), env.get("QUANYU_DB_USER"),
                env.get("QUANYU_DB_PASSWORD")); java.sql.Statement st = c.createStatement()) {
            StringBuilder sb = new StringBuilder();
            try (var rs = st.executeQuery("SELECT checkpoints_timed, checkpoints_req FROM pg_stat_bgwriter")) {
                rs.next();
                sb.append("checkpoints timed=").append(rs.getLong(1)).append(" requested=").append(rs.getLong(2));
            }
            try (var rs = st.executeQuery("SELECT relname, autovacuum_count, autoanalyze_count FROM pg_stat_user_tables"
                    + " WHERE relname IN ('profile', 'customer_event', 'identity') ORDER BY relname")) {
                while (rs.next()) {
                    sb.append("; ").append(rs.getString(1)).append(" autovacuum=").append(rs.getLong(2)).append(" autoanalyze=").append(rs.getLong(3));
                }
            }
            return sb.toString();
        } catch (java.sql.SQLException e) {
            return "unavailable: " + e.getMessage();
        }
    }

    static CloudEvent event(Channel ch, EventType type, String subject, Instant t, EventData data) {
        return CloudEvent.of(UUID.randomUUID().toString(), ch, type, t, subject, t, null, data);
    }

    static double applied(ServiceProcess service) {
        return service.get("/q/metrics").body().lines().filter(l -> l.startsWith("quanyu_profile_events_applied_total"))
                .findFirst().map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
