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
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
            latency(service, producer, rate, Duration.ofSeconds(20));
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
     * Background load at {@code rate}, plus ten probes a second: a new customer's first event, timed until GET
     * answers. One checker thread cycles over the open probes, so measuring adds at most one request at a time.
     */
    static void latency(ServiceProcess service, KafkaProducer<String, byte[]> producer, int rate, Duration length) throws Exception {
        List<CloudEvent> load = workload("lat" + UUID.randomUUID().toString().substring(0, 4), (int) (rate * length.toSeconds()), 5_000);
        ConcurrentLinkedQueue<Double> millis = new ConcurrentLinkedQueue<>();
        Map<String, Long> open = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread checker = Thread.ofPlatform().start(() -> {
            long deadline = Long.MAX_VALUE;
            while (!open.isEmpty() || sending.get()) {
                for (Map.Entry<String, Long> probe : open.entrySet()) {
                    if (service.get("/v1/profiles/a:" + probe.getKey()).status() == 200) {
                        millis.add((System.nanoTime() - probe.getValue()) / 1e6);
                        open.remove(probe.getKey());
                    }
                }
                if (!sending.get() && deadline == Long.MAX_VALUE) {
                    deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                }
                if (System.nanoTime() > deadline) {
                    return;
                }
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
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
                String id = "probe-" + UUID.randomUUID();
                CloudEvent probe = event(Channel.WEB, EventType.PRODUCT_VIEW, "a:" + id, Instant.now(), new ProductView("sku-1", "tea", null));
                open.put(id, System.nanoTime());
                producer.send(new ProducerRecord<>(Topics.EVENTS, probe.subject(), EventCodec.encode(probe)));
            }
        }
        producer.flush();
        sending.set(false);
        checker.join();
        double[] m = millis.stream().mapToDouble(d -> d).toArray();
        System.out.printf("LATENCY at %,d events/s for %d s, %d probes answered, %d not within 60 s (publication to GET /v1/profiles/{id} answering): "
                + "p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", rate, length.toSeconds(), m.length, open.size(), Stats.quantile(m, 0.5),
                Stats.quantile(m, 0.99), java.util.Arrays.stream(m).max().orElse(0));
    }

    static CloudEvent event(Channel ch, EventType type, String subject, Instant t, EventData data) {
        return CloudEvent.of(UUID.randomUUID().toString(), ch, type, t, subject, t, null, data);
    }

    static double applied(ServiceProcess service) {
        return service.get("/q/metrics").body().lines().filter(l -> l.startsWith("quanyu_profile_events_applied_total"))
                .findFirst().map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }
}
