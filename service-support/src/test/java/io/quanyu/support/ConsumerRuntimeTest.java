package io.quanyu.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.testkit.DatabaseEndpoint;
import io.quanyu.testkit.Infra;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.chaos.DeadLetterTail;
import io.quanyu.testkit.chaos.PoisonMix;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The events reader on the real broker and a real PostgreSQL table: poison records of every kind and events the table
 * refuses (a numeric overflow, as a store sized for smaller amounts would) cost one record each, a missing table (a
 * transient failure) stalls the reader with readiness DOWN until it is back and loses nothing, and a re-drive after the
 * fix applies what was parked.
 */
class ConsumerRuntimeTest {

    private static final int GOOD = 3000;
    private static final int POISON = 240;
    private static final int UNSTORABLE = 30;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String group = "runtime-test-" + run;
    private String url;
    private DatabaseEndpoint db;
    private ConsumerThreads threads;
    private DeadLetters deadLetters;

    @BeforeEach
    void setUp() throws SQLException {
        db = Infra.database();
        url = db.jdbcUrl(db.createDatabase("runtime"));
        try (Connection c = connect()) {
            // numeric(8,2) holds at most 999,999.99: amounts above it are valid events this store cannot keep.
            c.createStatement().execute("CREATE TABLE applied (event_id text PRIMARY KEY, run text NOT NULL, amount numeric(8,2) NOT NULL)");
        }
        threads = new ConsumerThreads();
        deadLetters = new DeadLetters(Infra.kafka().bootstrapServers(), "runtime-test", new SimpleMeterRegistry());
    }

    @AfterEach
    void tearDown() {
        threads.stop();
        deadLetters.close();
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(url, db.username(), db.password());
    }

    /** Idempotent by event id, as every sink of the suite must be. */
    private void store(List<CloudEvent> events) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO applied (event_id, run, amount) VALUES (?, ?, ?) ON CONFLICT (event_id) DO NOTHING")) {
            c.setAutoCommit(false);
            for (CloudEvent e : events) {
                ps.setString(1, e.id());
                ps.setString(2, e.subject());
                ps.setBigDecimal(3, e.data(Purchase.class).amount());
                ps.addBatch();
            }
            ps.executeBatch();
            c.commit();
        }
    }

    private CloudEvent good(int i, String wave) {
        // Every hundredth event of the first wave has an amount the table cannot hold.
        BigDecimal amount = wave.equals("a") && i % 100 == 7 ? new BigDecimal("5000000") : BigDecimal.valueOf(1 + i % 500);
        return PoisonMix.event(run + "-" + wave + "-" + i, "u:" + run + "-" + (i % 97), EventType.PURCHASE,
                new Purchase("o-" + i, List.of(new OrderLine("sku-" + i % 13, 1, amount.min(new BigDecimal("1000000")))), amount, "CNY", null),
                Instant.parse("2026-11-01T00:00:00Z").plusSeconds(i));
    }

    private int count(String sql) throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private int countQuietly(String sql) {
        try {
            return count(sql);
        } catch (SQLException e) {
            return -1;
        }
    }

    @Test
    void poisonCostsOneRecordOutagesStallAndRedriveAppliesWhatWasParked() throws Exception {
        EventBatchReader reader = new EventBatchReader(Infra.kafka().bootstrapServers(), group, new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> events) throws Exception {
                ConsumerRuntimeTest.this.store(events);
            }

            @Override
            public void undecodable() {
            }
        }, deadLetters, 500);
        threads.start("runtime-test-events", reader);
        KafkaTestClient kafka = KafkaTestClient.shared();

        // Wave a: good events, a few the table refuses, and poison of every kind among them.
        kafka.sendAll(PoisonMix.mix(Topics.EVENTS, run, GOOD, POISON, i -> good(i, "a"), 42));
        await(() -> countQuietly("SELECT count(*) FROM applied") == GOOD - UNSTORABLE, Duration.ofSeconds(90), "wave a applied");
        List<DeadLetter> parked;
        try (DeadLetterTail tail = new DeadLetterTail(Infra.kafka().bootstrapServers())) {
            parked = tail.await(POISON + UNSTORABLE, d -> d.consumer().equals(group), Duration.ofSeconds(60));
        }
        assertThat(parked).hasSize(POISON + UNSTORABLE);
        List<DeadLetter> poison = parked.stream().filter(d -> d.key() != null && new String(d.key()).startsWith("poison-" + run)).toList();
        assertThat(poison).hasSize(POISON).allSatisfy(d -> assertThat(d.reason()).isEqualTo(DeadLetter.UNDECODABLE));
        assertThat(poison.stream().map(d -> d.detail().split(":")[0]).collect(Collectors.toSet()))
                .contains("unparseable", "schema_violation", "unknown_event", "invalid_text", "out_of_range");
        List<DeadLetter> refused = parked.stream().filter(d -> DeadLetter.UNAPPLICABLE.equals(d.reason())).toList();
        assertThat(refused).hasSize(UNSTORABLE).allSatisfy(d -> {
            assertThat(d.detail()).contains("numeric field overflow");
            assertThat(d.sourceTopic()).isEqualTo(Topics.EVENTS);
            assertThat(d.value()).isNotNull();
        });
        // Exactly once: one row per good event, none of the refused ones, and nothing parked twice.
        assertThat(count("SELECT count(DISTINCT event_id) FROM applied")).isEqualTo(GOOD - UNSTORABLE);
        assertThat(parked.stream().map(d -> d.sourcePartition() + "@" + d.sourceOffset()).distinct()).hasSize(POISON + UNSTORABLE);
        assertThat(reader.failing()).isFalse();

        // Wave b while the table is gone (a deployment error, SQLSTATE 42P01): the reader waits, nothing is parked.
        try (Connection c = connect()) {
            c.createStatement().execute("ALTER TABLE applied RENAME TO applied_away");
        }
        kafka.sendAll(java.util.stream.IntStream.range(0, 500).mapToObj(i -> good(i, "b"))
                .map(e -> new ProducerRecord<String, byte[]>(Topics.EVENTS, e.subject(), io.quanyu.events.EventCodec.encode(e))).toList());
        await(reader::failing, Duration.ofSeconds(30), "the reader to report the outage");
        assertThat(new ConsumersReadiness(threads).call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        try (Connection c = connect()) {
            c.createStatement().execute("ALTER TABLE applied_away RENAME TO applied");
        }
        await(() -> countQuietly("SELECT count(*) FROM applied") == GOOD - UNSTORABLE + 500, Duration.ofSeconds(60), "wave b applied");
        await(() -> !reader.failing(), Duration.ofSeconds(10), "the reader to recover");
        assertThat(new ConsumersReadiness(threads).call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(threads.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        // The fix (a wider column), then a re-drive: the refused events are applied, poison is parked again.
        try (Connection c = connect()) {
            c.createStatement().execute("ALTER TABLE applied ALTER COLUMN amount TYPE numeric(14,2)");
        }
        Redrive redrive = new Redrive(Infra.kafka().bootstrapServers(), threads, deadLetters);
        Redrive.Result result = redrive.redrive(group, Duration.ofSeconds(120)).orElseThrow();
        assertThat(result.complete()).as(result.stoppedBy()).isTrue();
        assertThat(result.read()).isEqualTo(POISON + UNSTORABLE);
        assertThat(result.applied()).isEqualTo(UNSTORABLE);
        assertThat(result.parkedAgain()).isEqualTo(POISON);
        assertThat(count("SELECT count(*) FROM applied")).isEqualTo(GOOD + 500);
        // A second re-drive starts where the first stopped: only the letters it parked again are read.
        Redrive.Result again = redrive.redrive(group, Duration.ofSeconds(120)).orElseThrow();
        assertThat(again.read()).isEqualTo(POISON);
        assertThat(again.applied()).isZero();
        assertThat(redrive.redrive("no-such-consumer", Duration.ofSeconds(5))).isEmpty();
    }

    @Test
    void aThreadThatDiesTurnsLivenessDown() throws Exception {
        assertThat(threads.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        threads.start("runtime-test-dies", () -> {
            throw new OutOfMemoryError("simulated");
        });
        await(() -> threads.call().getStatus() == HealthCheckResponse.Status.DOWN, Duration.ofSeconds(5), "liveness DOWN");
        assertThat(threads.call().getData().orElseThrow()).containsKey("runtime-test-dies");
    }

    @Test
    void aFeedParksWhatItCannotApplyAndReadsOn() throws Exception {
        String topic = Topics.CATALOG_PRODUCTS;
        Set<String> stored = java.util.concurrent.ConcurrentHashMap.newKeySet();
        String prefix = "feed-" + run + "-";
        CompactedFeed<io.quanyu.events.Product> feed = new CompactedFeed<>(Infra.kafka().bootstrapServers(), "runtime-feed-" + run, topic,
                io.quanyu.events.Product.class, CompactedFeed.Sink.of((id, p) -> {
                    if (p.title().contains("refuse")) {
                        throw new ArithmeticException("a product this store cannot keep");
                    }
                    stored.add(id);
                }, stored::remove), threads::running, deadLetters);
        threads.start("runtime-test-feed", feed);
        KafkaTestClient kafka = KafkaTestClient.shared();
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String id = prefix + i;
            String title = i % 50 == 3 ? "refuse me" : "Tea " + i;
            byte[] value = i % 40 == 5 ? "{\"product_id\": 1,".getBytes() : io.quanyu.events.EventCodec.encode(
                    new io.quanyu.events.Product(id, title, null, "tea", null, BigDecimal.ONE, "CNY", true, null));
            kafka.send(topic, id, value);
            if (i % 50 != 3 && i % 40 != 5) {
                expected.add(id);
            }
        }
        await(() -> stored.containsAll(expected), Duration.ofSeconds(60), "the feed to store every valid product");
        try (DeadLetterTail tail = new DeadLetterTail(Infra.kafka().bootstrapServers())) {
            List<DeadLetter> parked = tail.await(9, DeadLetterTail.of("runtime-feed-" + run, prefix), Duration.ofSeconds(30));
            assertThat(parked).hasSize(9);
            assertThat(parked.stream().filter(d -> d.reason().equals(DeadLetter.UNDECODABLE))).hasSize(5);
            assertThat(parked.stream().filter(d -> d.reason().equals(DeadLetter.UNAPPLICABLE))).hasSize(4)
                    .allSatisfy(d -> assertThat(d.detail()).contains("cannot keep"));
        }
        assertThat(feed.failing()).isFalse();
    }

    @Test
    void anErasureWorkerParksWhatIsNoRequestAndErasesTheRestOnce() throws Exception {
        java.util.Map<String, Integer> erased = new java.util.concurrent.ConcurrentHashMap<>();
        String prefix = "erase-" + run + "-";
        ErasureWorker worker = new ErasureWorker(Infra.kafka().bootstrapServers(), "runtime-erasure-" + run, "runtime-test", (customer, keys) -> {
            if (!customer.startsWith(prefix)) {
                return 0; // other tests' requests on the shared broker
            }
            if (customer.endsWith("-refused")) {
                throw new IllegalArgumentException("a key this store cannot look up");
            }
            erased.merge(customer, 1, Integer::sum);
            return 1;
        }, () -> { }, deadLetters);
        threads.start("runtime-test-erasure", worker);
        List<String> bad = List.of("not json", "", "[]", "{\"keys\":[]}", "{\"customer_id\":\"a\\u0000b\",\"keys\":[],\"requested_at\":\"2026-01-01T00:00:00Z\"}",
                "{\"customer_id\":\"x\",\"keys\":\"k\",\"requested_at\":\"2026-01-01T00:00:00Z\"}",
                "{\"customer_id\":\"x\",\"keys\":[],\"requested_at\":\"yesterday\"}", "{\"customer_id\":7");
        List<ProducerRecord<String, byte[]>> records = new java.util.ArrayList<>();
        int good = 0;
        for (int i = 0; i < 3_300; i++) {
            String customer = prefix + i;
            byte[] value;
            if (i % 11 == 5 && i / 11 % 5 != 4) {
                value = bad.get(i / 11 % bad.size()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            } else {
                String id = i % 11 == 5 ? customer + "-refused" : customer;
                value = io.quanyu.events.EventCodec.encode(new io.quanyu.events.ErasureRequest(id, List.of("a:" + id), Instant.now(), "test"));
                good += i % 11 == 5 ? 0 : 1;
            }
            records.add(new ProducerRecord<>(Topics.PRIVACY_ERASURE, customer, value));
        }
        KafkaTestClient.shared().sendAll(records);
        int expected = good;
        await(() -> erased.size() == expected, Duration.ofSeconds(180), "every erasure carried out");
        try (DeadLetterTail tail = new DeadLetterTail(Infra.kafka().bootstrapServers())) {
            List<DeadLetter> parked = tail.await(300, DeadLetterTail.of("runtime-erasure-" + run, prefix), Duration.ofSeconds(60));
            assertThat(parked).hasSize(300);
            assertThat(parked.stream().filter(d -> d.reason().equals(DeadLetter.UNDECODABLE))).hasSize(240);
            assertThat(parked.stream().filter(d -> d.reason().equals(DeadLetter.UNAPPLICABLE))).hasSize(60);
        }
        assertThat(erased).hasSize(3_000).allSatisfy((customer, times) -> assertThat(times).as(customer).isEqualTo(1));
        assertThat(worker.failing()).isFalse();
    }
}
