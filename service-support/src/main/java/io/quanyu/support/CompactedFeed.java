package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Follows a compacted topic (the catalog, the portraits) from its start, with no consumer group: every instance of
 * every service that needs the table reads all of it, then each change. A record the sink cannot store yet
 * (database away) is retried with a backoff, with {@link #failing()} true meanwhile, rather than skipped; a record
 * that is not a valid value, or that the sink refuses for what it contains, is parked on {@code events.deadletter.v1}
 * and the feed reads on. (Each start reads the topic again, so a record still on it is parked again then.)
 *
 * @param <T> the record type of the values
 */
public final class CompactedFeed<T> extends ConsumerLoop {

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

    private final String bootstrap;
    private final String topic;
    private final Class<T> type;
    private final Sink<T> sink;
    private final BooleanSupplier running;

    public CompactedFeed(String bootstrap, String clientId, String topic, Class<T> type, Sink<T> sink, BooleanSupplier running,
                         DeadLetters deadLetters) {
        super(clientId, deadLetters);
        this.bootstrap = bootstrap;
        this.topic = topic;
        this.type = type;
        this.sink = sink;
        this.running = running;
    }

    @Override
    protected void read() throws Exception {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.CLIENT_ID_CONFIG, consumer(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest")),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (live()) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
                boolean again = false;
                for (TopicPartition tp : batch.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                        // After a failure (or when stopping) the rest of the batch is read again, from where it stopped.
                        if (again || !(r.key() == null || applyOrPark(r, this::apply))) {
                            c.seek(tp, r.offset());
                            again = true;
                            break;
                        }
                    }
                }
            }
        }
    }

    private boolean live() {
        return running() && running.getAsBoolean();
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) throws Exception {
        String key = new String(r.key(), StandardCharsets.UTF_8);
        if (r.value() == null) {
            sink.removed(key);
            return;
        }
        switch (EventCodec.decode(r.value(), type)) {
            case Decoded.Ok<T> ok -> sink.put(key, ok.value());
            case Decoded.Failed<T> f -> throw new UndecodableRecord("not a valid " + type.getSimpleName() + ": " + f.code().wire() + ": " + f.detail());
        }
    }

    @Override
    public void applyParked(ConsumerRecord<byte[], byte[]> record) throws Exception {
        apply(record);
    }
}
