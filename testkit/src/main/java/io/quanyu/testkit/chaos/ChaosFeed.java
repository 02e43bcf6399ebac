package io.quanyu.testkit.chaos;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.TopicAdmin;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.testkit.replay.Counts;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import io.quanyu.testkit.replay.ReplayOptions;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The traffic of the chaos bench: the MovieLens-100K replay as raw channel messages at a fixed rate, with poison
 * records of every kind put straight on {@code events.v1} (as a producer that bypassed ingestion would) spread over
 * it. The producer rides out a broker outage (idempotent, retried for up to ten minutes), so every message is
 * delivered exactly once; it prints the run id, what it sent and what ingestion should put out.
 */
public final class ChaosFeed {

    private ChaosFeed() {
    }

    /** {@code ChaosFeed <bootstrap> <run> <seconds> <poison>}. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        String run = args[1];
        int seconds = Integer.parseInt(args[2]);
        int poison = Integer.parseInt(args[3]);
        ReplayOptions options = ReplayOptions.defaults()
                .withAnchor(Instant.now().minus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        MovieLensData data = MovieLensData.load(options.dataDir());
        List<RawMessage> messages = MovieLensReplay.messages(data, options);
        // The customer the bench erases while the broker is down: the one whose last rating is the earliest, so all of
        // their traffic has been sent by then and none of it can bring them back afterwards.
        Map<Integer, Long> lastRating = new java.util.HashMap<>();
        data.ratings().forEach(r -> lastRating.merge(r.userId(), r.epochSecond(), Math::max));
        int erase = lastRating.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.println("erase " + io.quanyu.testkit.replay.ReplayIds.userId(erase));
        Counts counts = MovieLensReplay.count(messages);
        TopicAdmin.ensureTopics(bootstrap);
        CloudEvent template = PoisonMix.event(run + "-template", "u:" + run, EventType.PRODUCT_VIEW, new ProductView("p-1", null, null), Instant.now());
        long ratePerSecond = Math.max(1, messages.size() / Math.max(1, seconds));
        int poisonEvery = Math.max(1, messages.size() / Math.max(1, poison));
        System.out.printf("chaos feed %s: %,d raw messages at %,d/s (about %d s), %,d poison records on %s and as many on %s%n", run,
                messages.size(), ratePerSecond, seconds, poison, Topics.EVENTS, Topics.RAW_WEB);

        AtomicReference<Exception> failure = new AtomicReference<>();
        AtomicLong acked = new AtomicLong();
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 10,
                // Ride out a stopped broker: sends wait and retry instead of failing (a lost message would be the bench's fault).
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 600_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 600_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.CLIENT_ID_CONFIG, "quanyu-chaos-feed");
        long start = System.nanoTime();
        int sentPoison = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(io.quanyu.events.KafkaClientSettings.with(config), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < messages.size(); i++) {
                long due = start + i * 1_000_000_000L / ratePerSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                RawMessage m = messages.get(i);
                producer.send(m.record(), (meta, e) -> done(e, failure, acked));
                if (i % poisonEvery == poisonEvery / 2 && sentPoison < poison) {
                    sendPoison(producer, run, template, sentPoison, failure, acked);
                    sentPoison++;
                }
                if (i % 20_000 == 0) {
                    System.out.printf("  %,d of %,d sent after %d s%n", i, messages.size(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
                }
            }
            while (sentPoison < poison) {
                sendPoison(producer, run, template, sentPoison, failure, acked);
                sentPoison++;
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("the chaos feed lost a send: " + failure.get(), failure.get());
        }
        System.out.printf("chaos feed %s done in %d s: %,d raw messages and %,d poison records acknowledged%n", run,
                Duration.ofNanos(System.nanoTime() - start).toSeconds(), acked.get() - 2L * sentPoison, sentPoison);
        System.out.printf("expected on events.v1 %d, products %d, poison %d%n", counts.expectedEvents(), counts.expectedProducts(), sentPoison);
    }

    /** One poison record for the readers of events.v1 and one malformed channel message for ingestion, both marked with the run. */
    private static void sendPoison(KafkaProducer<String, byte[]> producer, String run, CloudEvent template, int n,
                                   AtomicReference<Exception> failure, AtomicLong acked) {
        String key = PoisonMix.key(run, n);
        byte[] bad = PoisonMix.poison(PoisonMix.KINDS.get(n % PoisonMix.KINDS.size()), template, n);
        producer.send(new ProducerRecord<>(Topics.EVENTS, key, bad), (meta, e) -> done(e, failure, acked));
        long ts = System.currentTimeMillis() - 1000;
        String raw = switch (n % 4) {
            case 0 -> "{\"message_id\":\"" + key + "\",\"event\":";
            case 1 -> "{\"message_id\":\"" + key + "\",\"anonymous_id\":\"x\\u0000y\",\"event\":\"page_view\",\"ts\":" + ts + "}";
            case 2 -> "{\"message_id\":\"" + key + "\",\"anonymous_id\":\"a1\",\"event\":\"checkout\",\"ts\":" + ts
                    + ",\"properties\":{\"order_id\":\"PP1\",\"lines\":[{\"product_id\":\"p1\",\"quantity\":1,\"unit_price\":1}],\"amount\":10000000000000}}";
            default -> "{\"message_id\":\"" + key + "\",\"anonymous_id\":\"a1\",\"event\":\"teleport\",\"ts\":" + ts + "}";
        };
        producer.send(new ProducerRecord<>(Topics.RAW_WEB, key, utf8(raw)), (meta, e) -> done(e, failure, acked));
    }

    private static void done(Exception e, AtomicReference<Exception> failure, AtomicLong acked) {
        if (e != null) {
            failure.compareAndSet(null, e);
        } else {
            acked.incrementAndGet();
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
