package io.quanyu.testkit.chaos;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.Topics;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * After the chaos bench: what each service was sent, what its own tables hold of it, and what it parked. Reads all
 * of {@code events.v1} (the bench runs on a fresh stack, so all of it is the run's), each service's database, and the
 * dead letters; prints per service: expected, applied, duplicated (must be 0), lost (must be 0), parked (must equal
 * the poison sent), and exits 1 when any of those does not hold.
 */
public final class ChaosAudit {

    /** One service's line. */
    record Line(String service, long expected, long applied, long duplicated, long lost, long parked, long poison) {
        boolean ok() {
            return duplicated == 0 && lost == 0 && parked == poison;
        }
    }

    private ChaosAudit() {
    }

    /** The services that hold personal data and must acknowledge an erasure. */
    static final List<String> ERASING = List.of("profile-service", "recommender-service", "chatbot-service", "ad-optimizer-service");

    /** {@code ChaosAudit <bootstrap> <jdbc-server-url ending in /> <db-user> <db-password> <run> <expected-events> <poison> [erased user id]}. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String server = args[1];
        String user = args[2];
        String password = args[3];
        String run = args[4];
        long expectedEvents = Long.parseLong(args[5]);
        int poison = Integer.parseInt(args[6]);
        String erasedUser = args.length > 7 ? args[7] : null;

        Map<String, Integer> seen = new HashMap<>();
        List<CloudEvent> events = new ArrayList<>();
        readAll(bootstrap, Topics.EVENTS, r -> {
            if (r.value() != null && EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok) {
                if (seen.merge(ok.value().id(), 1, Integer::sum) == 1) {
                    events.add(ok.value());
                }
            }
        });
        // Parked records are counted by where they were read: a consumer killed between parking and committing parks the
        // record again on restart (at least once), which leaves a second letter for the same record.
        Map<String, Set<String>> parkedAt = new HashMap<>();
        Map<String, Long> letters = new HashMap<>();
        String prefix = PoisonMix.key(run, 0).replaceFirst("-0$", "-");
        readAll(bootstrap, Topics.EVENTS_DEADLETTER, r -> {
            if (EventCodec.decode(r.value(), DeadLetter.class) instanceof Decoded.Ok<DeadLetter> ok && ok.value().key() != null
                    && new String(ok.value().key(), StandardCharsets.UTF_8).startsWith(prefix)) {
                DeadLetter d = ok.value();
                parkedAt.computeIfAbsent(d.consumer(), k -> new HashSet<>()).add(d.sourceTopic() + "-" + d.sourcePartition() + "@" + d.sourceOffset());
                letters.merge(d.consumer(), 1L, Long::sum);
            }
        });
        Map<String, Long> parked = new HashMap<>();
        parkedAt.forEach((consumer, at) -> parked.put(consumer, (long) at.size()));
        long[] rawParked = {0};
        readAll(bootstrap, Topics.EVENTS_FAILED, r -> {
            if (EventCodec.decode(r.value(), FailedEvent.class) instanceof Decoded.Ok<FailedEvent> ok
                    && new String(ok.value().raw(), StandardCharsets.UTF_8).contains(prefix)) {
                rawParked[0]++;
            }
        });

        // The customer erased during the broker outage: their keys, and which services acknowledged.
        Set<String> erasedKeys = new HashSet<>();
        Set<String> acked = new java.util.TreeSet<>();
        if (erasedUser != null) {
            String customer = "u:" + erasedUser;
            readAll(bootstrap, Topics.PRIVACY_ERASURE, r -> {
                if (EventCodec.decode(r.value(), io.quanyu.events.ErasureRequest.class) instanceof Decoded.Ok<io.quanyu.events.ErasureRequest> ok
                        && ok.value().customerId().equals(customer)) {
                    erasedKeys.add(customer);
                    erasedKeys.addAll(ok.value().keys());
                }
            });
            readAll(bootstrap, Topics.PRIVACY_ERASURE_ACKS, r -> {
                if (EventCodec.decode(r.value(), io.quanyu.events.ErasureAck.class) instanceof Decoded.Ok<io.quanyu.events.ErasureAck> ok
                        && ok.value().customerId().equals(customer)) {
                    acked.add(ok.value().service());
                }
            });
        }
        // What services holding personal data keep of the stream: everything but the erased customer's events.
        List<CloudEvent> kept = events.stream().filter(e -> !erasedKeys.contains(e.subject())).toList();

        List<Line> lines = new ArrayList<>();
        long records = seen.values().stream().mapToLong(Integer::longValue).sum();
        lines.add(new Line("ingestion-service", expectedEvents, seen.size(), records - seen.size(), Math.max(0, expectedEvents - seen.size()),
                rawParked[0], poison));
        try (Connection c = DriverManager.getConnection(server + "quanyu_profile", user, password)) {
            Set<String> applied = strings(c, "SELECT DISTINCT event_id FROM customer_event");
            long rows = number(c, "SELECT count(*) FROM customer_event");
            Set<String> expected = new HashSet<>();
            kept.forEach(e -> expected.add(e.id()));
            lines.add(line("profile-service", expected, applied, rows - applied.size(), parked.getOrDefault("quanyu-profile", 0L), poison));
        }
        Set<String> interactions = new HashSet<>();
        long interactionRows = 0;
        for (CloudEvent e : kept) {
            EventType t = e.eventType().orElseThrow();
            switch (t) {
                case PRODUCT_VIEW, ADD_TO_CART, FAVORITE, REVIEW -> {
                    interactions.add(e.id());
                    interactionRows++;
                }
                case PURCHASE -> {
                    interactions.add(e.id());
                    interactionRows += e.data(Purchase.class).lines().size();
                }
                case REFUND -> {
                    List<OrderLine> l = e.data(Refund.class).lines();
                    if (l != null && !l.isEmpty()) {
                        interactions.add(e.id());
                        interactionRows += l.size();
                    }
                }
                default -> {
                }
            }
        }
        try (Connection c = DriverManager.getConnection(server + "quanyu_recommender", user, password)) {
            Set<String> applied = strings(c, "SELECT DISTINCT split_part(event_id, '#', 1) FROM interaction");
            long rows = number(c, "SELECT count(*) FROM interaction");
            lines.add(line("recommender-service", interactions, applied, Math.max(0, rows - interactionRows),
                    parked.getOrDefault("quanyu-recommender", 0L), poison));
        }
        Set<String> orders = new HashSet<>();
        Set<String> refunds = new HashSet<>();
        Set<String> purchases = new HashSet<>();
        long units = 0;
        for (CloudEvent e : events) {
            boolean erased = erasedKeys.contains(e.subject());
            if (e.data() instanceof Purchase p) {
                // Demand is not personal data: forecast keeps every sale, erased customer's too.
                purchases.add(e.id());
                units += p.lines().stream().mapToLong(OrderLine::quantity).sum();
                if (!erased) {
                    orders.add("order:" + p.orderId().toUpperCase(Locale.ROOT));
                }
            } else if (e.data() instanceof Refund && !erased) {
                refunds.add("refund:" + e.id());
            }
        }
        try (Connection c = DriverManager.getConnection(server + "quanyu_chatbot", user, password)) {
            Set<String> applied = new HashSet<>();
            strings(c, "SELECT order_key FROM chat_order").forEach(k -> applied.add("order:" + k));
            strings(c, "SELECT event_id FROM chat_refund").forEach(k -> applied.add("refund:" + k));
            Set<String> expected = new HashSet<>(orders);
            expected.addAll(refunds);
            lines.add(line("chatbot-service", expected, applied, 0, parked.getOrDefault("quanyu-chatbot", 0L), poison));
        }
        try (Connection c = DriverManager.getConnection(server + "quanyu_forecast", user, password)) {
            Set<String> applied = strings(c, "SELECT event_id FROM applied_event");
            long stored = number(c, "SELECT coalesce(sum(quantity), 0) FROM weekly_demand");
            // Units, not rows: a sale applied twice would show as more units than the purchases hold.
            lines.add(line("forecast-service", purchases, applied, Math.max(0, stored - units), parked.getOrDefault("quanyu-forecast", 0L), poison));
        }
        try (Connection c = DriverManager.getConnection(server + "quanyu_ads", user, password)) {
            Set<String> applied = new HashSet<>();
            strings(c, "SELECT order_id FROM ad_order").forEach(k -> applied.add("order:" + k.toUpperCase(Locale.ROOT)));
            lines.add(line("ad-optimizer-service", orders, applied, 0, parked.getOrDefault("quanyu-ads", 0L), poison));
        }

        System.out.printf("%n%-22s %10s %10s %11s %6s %7s%n", "service", "expected", "applied", "duplicated", "lost", "parked");
        boolean ok = true;
        for (Line l : lines) {
            System.out.printf("%-22s %,10d %,10d %,11d %,6d %,7d%s%n", l.service(), l.expected(), l.applied(), l.duplicated(), l.lost(), l.parked(),
                    l.ok() ? "" : "   <-- must be duplicated 0, lost 0, parked " + l.poison());
            ok &= l.ok();
        }
        if (erasedUser != null) {
            List<String> missing = ERASING.stream().filter(s -> !acked.contains(s)).toList();
            System.out.printf("erasure of u:%s (DELETE while the broker was down, %d keys): acknowledged by %s%s%n", erasedUser, erasedKeys.size(),
                    String.join(", ", acked), missing.isEmpty() ? "" : "; NOT by " + String.join(", ", missing) + "   <-- must be every service holding personal data");
            ok &= missing.isEmpty() && !erasedKeys.isEmpty();
        }
        letters.forEach((consumer, n) -> {
            if (n > parked.getOrDefault(consumer, 0L)) {
                System.out.printf("%s wrote %,d dead letters for %,d parked records (parked again after a restart)%n", consumer, n, parked.get(consumer));
            }
        });
        System.out.println(ok ? "every service: nothing lost, nothing applied twice, every poison record parked"
                : "FAILED: see the marked lines");
        System.exit(ok ? 0 : 1);
    }

    private static Line line(String service, Set<String> expected, Set<String> applied, long duplicated, long parked, int poison) {
        long hit = expected.stream().filter(applied::contains).count();
        return new Line(service, expected.size(), hit, duplicated, expected.size() - hit, parked, poison);
    }

    private static void readAll(String bootstrap, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each) {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "chaos-audit-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> end = new LinkedHashMap<>(c.endOffsets(parts));
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(500)).forEach(each);
            }
        }
    }

    private static Set<String> strings(Connection c, String sql) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static long number(Connection c, String sql) throws SQLException {
        try (ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
