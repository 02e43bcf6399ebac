package io.quanyu.support;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Follows a compacted topic (the catalog, the portraits) from its start, with no consumer group: every instance of
 * every service that needs the table reads all of it, then each change. A record the sink cannot store yet
 * (database away) is retried every second rather than skipped.
 *
 * @param <T> the record type of the values
 */
public final class CompactedFeed<T> implements Runnable {

    /** Where values go. */
    public interface Sink<T> {
        void put(String key, T value) throws Exception;

        /** A tombstone: the key was deleted. */
        void removed(String key) throws Exception;

        /** A sink from its two halves, e.g. {@code Sink.of((id, p) -> store.upsert(p), store::removed)}. */
        static <T> Sink<T> of(Put<T> put, Removed removed) {
            return new Sink<>() {
                @Override
                public void put(String key, T value) throws Exception {
                    put.put(key, value);
                }

                @Override
                public void removed(String key) throws Exception {
                    removed.removed(key);
                }
            };
        }
    }

    /** What a sink does with a value. */
    @FunctionalInterface
    public interface Put<T> {
        void put(String key, T value) throws Exception;
    }

    /** What a sink does with a tombstone. */
    @FunctionalInterface
    public interface Removed {
        void removed(String key) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(CompactedFeed.class);

    private final String bootstrap;
    private final String clientId;
    private final String topic;
    private final Class<T> type;
    private final Sink<T> sink;
    private final BooleanSupplier running;

    public CompactedFeed(String bootstrap, String clientId, String topic, Class<T> type, Sink<T> sink, BooleanSupplier running) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
        this.topic = topic;
        this.type = type;
        this.sink = sink;
        this.running = running;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running.getAsBoolean()) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    handle(r);
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: feed of %s stopped", clientId, topic);
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        if (r.key() == null) {
            return;
        }
        String key = new String(r.key(), StandardCharsets.UTF_8);
        T value = null;
        if (r.value() != null) {
            if (!(EventCodec.decode(r.value(), type) instanceof Decoded.Ok<T> ok)) {
                // The producing service validated it; a record that is not one is not ours to fix here.
                LOG.warnf("%s: %s-%d@%d is not a valid %s: skipped", clientId, r.topic(), r.partition(), r.offset(), type.getSimpleName());
                return;
            }
            value = ok.value();
        }
        for (int attempt = 1; running.getAsBoolean(); attempt++) {
            try {
                if (value != null) {
                    sink.put(key, value);
                } else {
                    sink.removed(key);
                }
                return;
            } catch (Exception e) {
                LOG.warnf("%s: cannot store %s %s yet (attempt %d): %s", clientId, topic, key, attempt, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
