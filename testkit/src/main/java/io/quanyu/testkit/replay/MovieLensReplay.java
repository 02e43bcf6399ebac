package io.quanyu.testkit.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.Topics;
import io.quanyu.testkit.TopicSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Replays the MovieLens-100K log as a realistic mix of raw channel messages (catalog, web, app, mini-program, store). */
public final class MovieLensReplay {

    private static final Set<String> VIEWS = Set.of("product_view", "view_item");
    private static final Set<String> REVIEWS = Set.of("review", "rate");
    private static final Set<String> PURCHASES = Set.of("checkout", "purchase", "pay", "order_completed");
    private static final Set<String> LOGINS = Set.of("login", "signup", "register", "authorize");

    private MovieLensReplay() {
    }

    /**
     * Every raw message of a replay: the whole catalog first, then the users' messages in time order. Two calls
     * with the same options give byte-identical messages.
     */
    public static List<RawMessage> messages(ReplayOptions options) {
        return messages(MovieLensData.load(options.dataDir()), options);
    }

    /** As {@link #messages(ReplayOptions)}, from data already loaded (its data dir is then ignored). */
    public static List<RawMessage> messages(MovieLensData data, ReplayOptions options) {
        RawEncoder encoder = new RawEncoder(data);
        List<RawMessage> catalog = encoder.catalog();
        List<RawMessage> users = encoder.interactions(Timeline.of(data, options).interactions());
        List<RawMessage> all = new ArrayList<>(catalog.size() + users.size());
        all.addAll(catalog);
        all.addAll(users);
        return List.copyOf(all);
    }

    /** What {@code messages} will become after ingestion, read back from the messages themselves. */
    public static Counts count(List<RawMessage> messages) {
        Map<String, Integer> perTopic = new HashMap<>();
        int products = 0, logins = 0, views = 0, reviews = 0, purchases = 0, receipts = 0, batches = 0, appEvents = 0;
        for (RawMessage m : messages) {
            perTopic.merge(m.topic(), 1, Integer::sum);
            JsonNode node = tree(m);
            List<String> names = new ArrayList<>(1);
            switch (m.topic()) {
                case Topics.RAW_CATALOG -> products++;
                case Topics.RAW_STORE -> {
                    if (!node.has("receipt_no")) {
                        throw new IllegalArgumentException("not a receipt: " + m);
                    }
                    receipts++;
                    names.add("purchase");
                }
                case Topics.RAW_WEB -> names.add(node.path("event").asText());
                case Topics.RAW_MINIPROGRAM -> names.add(node.path("action").asText());
                case Topics.RAW_APP -> {
                    batches++;
                    node.path("events").forEach(e -> names.add(e.path("name").asText()));
                    appEvents += names.size();
                }
                default -> throw new IllegalArgumentException("not a replay topic: " + m.topic());
            }
            for (String name : names) {
                if (VIEWS.contains(name)) {
                    views++;
                } else if (REVIEWS.contains(name)) {
                    reviews++;
                } else if (PURCHASES.contains(name)) {
                    purchases++;
                } else if (LOGINS.contains(name)) {
                    logins++;
                } else {
                    throw new IllegalArgumentException("not a replay event '" + name + "' in " + m);
                }
            }
        }
        return new Counts(perTopic, products, logins, views, reviews, purchases, receipts, batches, appEvents);
    }

    /**
     * Sends every message with one idempotent producer (acks=all, linger 10 ms) and waits for every
     * acknowledgement; fails with the first send error.
     */
    public static ReplaySummary publish(String bootstrapServers, List<RawMessage> messages) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.CLIENT_ID_CONFIG, "quanyu-movielens-replay");
        Map<String, LongAdder> acked = new ConcurrentHashMap<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        long bytes = 0;
        long start = System.nanoTime();
        // TLS and SASL settings of a managed broker come from the environment (KAFKA_SECURITY_PROTOCOL, ...).
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClientSettings.with(config), new StringSerializer(), new ByteArraySerializer())) {
            for (RawMessage m : messages) {
                if (failure.get() != null) {
                    break;
                }
                bytes += m.value().length;
                producer.send(m.record(), (meta, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acked.computeIfAbsent(m.topic(), t -> new LongAdder()).increment();
                    }
                });
            }
            // flush() returns once every record sent so far is acknowledged or failed.
            producer.flush();
        }
        long elapsedMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        if (failure.get() != null) {
            throw new IllegalStateException("publishing to " + bootstrapServers + " failed: " + failure.get(), failure.get());
        }
        Map<String, Long> perTopic = new TreeMap<>();
        acked.forEach((t, n) -> perTopic.put(t, n.sum()));
        return new ReplaySummary(perTopic, bytes, elapsedMs);
    }

    /** {@code MovieLensReplay <bootstrap> [--limit N] [--data DIR] [--anchor ISO-INSTANT]}: builds, then publishes. */
    public static void main(String[] args) {
        String bootstrap = null;
        ReplayOptions options = ReplayOptions.defaults();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--limit" -> options = options.withMaxRatings(Integer.parseInt(value(args, ++i)));
                    case "--data" -> options = options.withDataDir(Path.of(value(args, ++i)));
                    case "--anchor" -> options = options.withAnchor(Instant.parse(value(args, ++i)));
                    case "-h", "--help" -> {
                        usage(null);
                        return;
                    }
                    default -> {
                        if (args[i].startsWith("--") || bootstrap != null) {
                            throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
                        }
                        bootstrap = args[i];
                    }
                }
            }
            if (bootstrap == null) {
                throw new IllegalArgumentException("the Kafka bootstrap servers are required");
            }
        } catch (RuntimeException e) {
            usage(e.getMessage());
            System.exit(2);
            return;
        }
        long start = System.nanoTime();
        List<RawMessage> messages = messages(options);
        long buildMs = Duration.ofNanos(System.nanoTime() - start).toMillis();
        Counts counts = count(messages);
        System.out.printf("MovieLens-100K replay from %s, %s ratings, latest event at %s (built in %,d ms)%n%n",
                options.dataDir().toAbsolutePath().normalize(), options.maxRatings() == 0 ? "all" : options.maxRatings(),
                options.anchor(), buildMs);
        System.out.println(counts.render());
        List<String> created;
        try {
            String factor = System.getenv("QUANYU_KAFKA_REPLICATION_FACTOR");
            created = TopicSetup.ensure(bootstrap, factor == null || factor.isBlank() ? Optional.empty()
                    : Optional.of(Short.parseShort(factor.trim()))).created();
        } catch (TopicSetup.TopicSetupException e) {
            System.err.println(e.getMessage());
            System.exit(3);
            return;
        }
        if (!created.isEmpty()) {
            System.out.println("created topics: " + String.join(", ", created));
        }
        ReplaySummary summary = publish(bootstrap, messages);
        System.out.print(summary.render());
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static void usage(String error) {
        if (error != null) {
            System.err.println("error: " + error);
        }
        System.err.println("usage: MovieLensReplay <bootstrap-servers> [--limit N] [--data DIR] [--anchor ISO-INSTANT]");
        System.err.println("  --limit N      only the first N ratings in time order (default: all 100,000)");
        System.err.println("  --data DIR     shared data dir holding movielens-100k (default: -D" + ReplayOptions.DATA_DIR_PROPERTY
                + ", else ../shared/data)");
        System.err.println("  --anchor T     time of the latest derived event (default: now, to the minute, minus 5 min)");
    }

    private static JsonNode tree(RawMessage m) {
        try {
            return Json.MAPPER.readTree(m.value());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + m, e);
        }
    }
}
