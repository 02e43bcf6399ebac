package io.quanyu.engagement.bench;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Json;
import io.quanyu.events.Topics;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.ServiceProcess;
import io.quanyu.testkit.TestCredentials;
import io.quanyu.testkit.bench.Machine;
import io.quanyu.testkit.bench.Stats;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.ReplayOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
 * {@code ./quanyu bench engagement [rounds 3] [rate 2000] [seconds 20] [simulation runs 2000]}: the packaged engagement
 * service on the real broker and PostgreSQL with an active cart_abandoned journey (wait PT1S, holdout 0.1, the grant of
 * an unlimited offer). Throughput: the MovieLens log as a backlog of cart changes and purchases, events read and triggers
 * decided per second. Latency: the same traffic at a fixed rate, from a cart's time + wait to its action arriving on
 * engagement.actions.v1. Then the uplift simulation with a known truth (no service).
 */
public final class EngagementBench {

    static final Duration WAIT = Duration.ofSeconds(1);
    static final String JOURNEY = "bench-cart";
    static final String GROUP = "bench-engagement";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int simRuns = args.length > 3 ? Integer.parseInt(args[3]) : 2000;
        System.out.println("machine: " + Machine.describe() + ", load average " + loadAverage());
        MovieLensData data = MovieLensData.load(ReplayOptions.defaultDataDir());
        String bootstrap = Infra.kafka().bootstrapServers();
        Map<String, String> env = ServiceProcess.infraEnv("bench_engagement");
        env.putAll(TestCredentials.env());
        env.put("QUANYU_ENGAGEMENT_GROUP", GROUP);
        // Settings to compare (QUANYU_ENGAGEMENT_SWEEP_EVERY=250ms, QUARKUS_... ) pass through.
        System.getenv().forEach((k, v) -> {
            if (k.startsWith("QUANYU_ENGAGEMENT_") && !k.equals("QUANYU_ENGAGEMENT_GROUP") || k.startsWith("QUANYU_BENCH_QUARKUS_")) {
                env.put(k.replace("QUANYU_BENCH_", ""), v);
                System.out.println("setting: " + k + "=" + v);
            }
        });
        Path module = Path.of(System.getProperty("quanyu.root", ".")).resolve("engagement-service");
        try (ServiceProcess service = ServiceProcess.of(module.resolve("target/quarkus-app/quarkus-run.jar"), env,
                module.resolve("target/bench-engagement.log"), "-Xms64m", "-Xmx512m", "-XX:+UseSerialGC").start(Duration.ofSeconds(120));
             Gauges gauges = new Gauges(service, env, bootstrap, GROUP);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer())) {
            System.out.println("service: pid " + service.pid() + ", -Xmx512m SerialGC (as ./quanyu up), sweep every "
                    + env.getOrDefault("QUANYU_ENGAGEMENT_SWEEP_EVERY", "5s (default)"));
            gauges.post("/v1/offers", """
                    {"offer_id": "bench-10", "name": "10 off", "kind": "fixed_amount", "value": 10, "code_valid_for": "P7D"}""");
            if (rounds > 0) {
                burst(data, gauges, producer, 20_000);
            }
            gauges.post("/v1/journeys", """
                    {"journey_id": "%s", "name": "Abandoned cart (bench)", "trigger": {"kind": "cart_abandoned", "wait": "PT1S"},
                     "action": {"kind": "grant_offer", "offer_id": "bench-10"}, "holdout_share": 0.1}""".formatted(JOURNEY));
            System.out.println("journey: cart_abandoned on every channel, wait PT1S, holdout 0.1, no cap or quiet hours; offer without budget");
            if (rounds > 0) {
                throughput(data, gauges, producer, rounds);
            }
            List<double[]> perRound = new ArrayList<>();
            for (int round = 1; round <= Math.max(1, rounds); round++) {
                perRound.add(latency(data, gauges, producer, bootstrap, rate, Duration.ofSeconds(seconds), round));
            }
            System.out.printf("LATENCY median over %d rounds at %,d events/s: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms (target p99 <= 1000 ms)%n",
                    perRound.size(), rate, median(perRound, 0), median(perRound, 1), median(perRound, 2));
        }
        UpliftSimulation.print(simRuns, 19);
        System.exit(0);
    }

    /** Rounds of the whole log as a backlog (a warm-up first); events read per second and triggers decided per second. */
    static void throughput(MovieLensData data, Gauges gauges, KafkaProducer<String, byte[]> producer, int rounds) throws Exception {
        List<Double> read = new ArrayList<>();
        List<Double> decided = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            String tag = "t" + round + UUID.randomUUID().toString().substring(0, 4) + "-";
            List<CloudEvent> events = CartStream.backlog(data, tag, Instant.now().minus(Duration.ofHours(1)), Duration.ofHours(12));
            double stored0 = gauges.counter("quanyu_engagement_events_stored_total");
            double triggers0 = gauges.counter("quanyu_engagement_triggers_total");
            Map<String, Double> outcomes0 = gauges.byLabel("quanyu_engagement_decisions_total", "outcome");
            long t0 = System.nanoTime();
            for (CloudEvent e : events) {
                producer.send(new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
            }
            producer.flush();
            long deadline = t0 + Duration.ofMinutes(10).toNanos();
            long readAt = 0;
            while (System.nanoTime() < deadline) {
                if (readAt == 0 && gauges.lag() == 0) {
                    readAt = System.nanoTime();
                }
                if (readAt != 0 && gauges.dueUndecided(JOURNEY) == 0) {
                    break;
                }
                Thread.sleep(100);
            }
            long doneAt = System.nanoTime();
            if (readAt == 0) {
                throw new IllegalStateException("the service did not read the backlog within 10 minutes");
            }
            Map<String, Double> outcomes = gauges.byLabel("quanyu_engagement_decisions_total", "outcome");
            outcomes.replaceAll((k, v) -> v - outcomes0.getOrDefault(k, 0.0));
            double decisions = outcomes.values().stream().mapToDouble(Double::doubleValue).sum();
            double eps = events.size() / ((readAt - t0) / 1e9);
            double dps = decisions / ((doneAt - t0) / 1e9);
            System.out.printf("round %d%s: %,d events (%,d carts, %,d purchases, 943 customers) read at %,.0f events/s (%,.0f stored, %,.0f triggers"
                            + " started); %,.0f triggers decided, %,.0f/s as the replay made them due %s, all decided %.1f s after the first event"
                            + " was published%n", round,
                    round == 0 ? " (warm-up)" : "", events.size(), data.ratings().size(), events.size() - data.ratings().size(), eps,
                    gauges.counter("quanyu_engagement_events_stored_total") - stored0, gauges.counter("quanyu_engagement_triggers_total") - triggers0,
                    decisions, dps, outcomes, (doneAt - t0) / 1e9);
            if (round > 0) {
                read.add(eps);
                decided.add(dps);
            }
        }
        System.out.printf("THROUGHPUT median over %d rounds (publishing included): %,.0f events read/s, %,.0f triggers decided/s on the replay"
                + " (one pending trigger per customer and journey: the replay's 943 customers bound it, see SWEEP CAPACITY)%n", read.size(),
                Stats.median(read.stream().mapToDouble(d -> d).toArray()), Stats.median(decided.stream().mapToDouble(d -> d).toArray()));
    }

    /**
     * The sweep's capacity: {@code n} carts of as many customers (the log's first carts, each under a key of its own), read
     * while their wait (PT20S) runs, all due at once; triggers decided per second from the first decision to the last.
     * Its own journey, stopped afterwards, so the replay's journey sees none of it.
     */
    static void burst(MovieLensData data, Gauges gauges, KafkaProducer<String, byte[]> producer, int n) throws Exception {
        gauges.post("/v1/journeys", """
                {"journey_id": "bench-burst", "trigger": {"kind": "cart_abandoned", "wait": "PT20S"},
                 "action": {"kind": "grant_offer", "offer_id": "bench-10"}, "holdout_share": 0.1}""");
        String tag = "b" + UUID.randomUUID().toString().substring(0, 4) + "-";
        Instant t = Instant.now();
        double decided0 = gauges.counter("quanyu_engagement_decisions_total");
        for (int i = 0; i < n; i++) {
            CloudEvent e = CartStream.cart(data, tag + i + "-", i, data.ratings().get(i), t);
            producer.send(new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
        }
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (gauges.lag() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        double read = Duration.between(t, Instant.now()).toMillis() / 1000.0;
        long first = 0;
        while (System.nanoTime() < deadline) {
            if (first == 0 && gauges.counter("quanyu_engagement_decisions_total") > decided0) {
                first = System.nanoTime();
            }
            if (first != 0 && gauges.dueUndecided("bench-burst") == 0) {
                break;
            }
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - first) / 1e9;
        double decided = gauges.counter("quanyu_engagement_decisions_total") - decided0;
        System.out.printf("SWEEP CAPACITY: %,d carts of %,d customers read in %.1f s, due together at +20 s; %,.0f triggers decided in %.1f s:"
                + " %,.0f triggers decided/s%n", n, n, read, decided, seconds, decided / seconds);
        gauges.delete("/v1/journeys/bench-burst");
    }

    /** One window at a fixed rate; returns {p50, p95, p99} of cart time + wait to the action arriving. */
    static double[] latency(MovieLensData data, Gauges gauges, KafkaProducer<String, byte[]> producer, String bootstrap, int rate, Duration length,
                            int round) throws Exception {
        String tag = "l" + round + UUID.randomUUID().toString().substring(0, 4) + "-";
        int total = (int) (rate * length.toSeconds());
        List<CartStream.Planned> plan = CartStream.plan(data, (round - 1) * 37_000, total, rate, Duration.ofSeconds(3));
        Map<String, Long> cartMillis = new ConcurrentHashMap<>();
        List<Double> millis = new ArrayList<>();
        Map<String, Double> outcomes0 = gauges.byLabel("quanyu_engagement_decisions_total", "outcome");
        int actions = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-actions-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.ENGAGEMENT_ACTIONS));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.assignment().forEach(consumer::position);
            Thread sender = Thread.ofPlatform().start(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < plan.size(); i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                    Instant now = Instant.now();
                    CloudEvent e = CartStream.event(data, tag, plan.get(i), now);
                    if (plan.get(i).cart()) {
                        cartMillis.put(e.id(), now.toEpochMilli());
                    }
                    producer.send(new ProducerRecord<>(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
                }
                producer.flush();
            });
            long quietSince = System.nanoTime();
            long deadline = System.nanoTime() + length.plusSeconds(60).toNanos();
            // Done when the sender has finished, every trigger is decided, and no action came for 3 s (the outbox is nudged
            // after each sweep that acted and runs every publish-every besides).
            while (System.nanoTime() < deadline && (sender.isAlive() || System.nanoTime() - quietSince < 3e9 || gauges.pending(JOURNEY) > 0)) {
                for (var r : consumer.poll(Duration.ofMillis(20))) {
                    long arrived = System.currentTimeMillis();
                    EngagementAction a = Json.MAPPER.readValue(r.value(), EngagementAction.class);
                    Long cart = a.triggerEventId() == null ? null : cartMillis.get(a.triggerEventId());
                    if (cart != null) {
                        millis.add((double) (arrived - cart - WAIT.toMillis()));
                        actions++;
                        quietSince = System.nanoTime();
                    }
                }
            }
            sender.join();
        }
        Map<String, Double> outcomes = gauges.byLabel("quanyu_engagement_decisions_total", "outcome");
        outcomes.replaceAll((k, v) -> v - outcomes0.getOrDefault(k, 0.0));
        double[] m = millis.stream().mapToDouble(d -> d).toArray();
        double[] lag = gauges.decisionLagMillis(JOURNEY, "u:" + tag);
        long carts = plan.stream().filter(CartStream.Planned::cart).count();
        System.out.printf("latency round %d: %,d events in %d s (%,d carts, %,d purchases about 3 s after their cart), decisions %s, %,d actions"
                        + " received: cart time + PT1S to action on %s p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms;"
                        + " due to decided (database, all %,d decisions) p50 %.0f ms, p99 %.0f ms; load average %s%n", round, plan.size(), length.toSeconds(), carts,
                plan.size() - carts, outcomes, actions, Topics.ENGAGEMENT_ACTIONS, Stats.quantile(m, 0.5), Stats.quantile(m, 0.95), Stats.quantile(m, 0.99),
                java.util.Arrays.stream(m).max().orElse(Double.NaN), lag.length, Stats.quantile(lag, 0.5), Stats.quantile(lag, 0.99), loadAverage());
        return new double[] {Stats.quantile(m, 0.5), Stats.quantile(m, 0.95), Stats.quantile(m, 0.99)};
    }

    /** The machine's 1-minute load average: other builds on these 2 cores show in the tail, so it is printed with it. */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    private static double median(List<double[]> rounds, int i) {
        return Stats.median(rounds.stream().mapToDouble(r -> r[i]).toArray());
    }
}
