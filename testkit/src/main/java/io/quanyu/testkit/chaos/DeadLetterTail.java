package io.quanyu.testkit.chaos;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the dead letters on {@code events.deadletter.v1} (all of them, from the start) for tests that count what was parked. */
public final class DeadLetterTail implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<DeadLetter> seen = new ArrayList<>();

    public DeadLetterTail(String bootstrap) {
        consumer = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-deadletters-" + UUID.randomUUID(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = consumer.partitionsFor(Topics.EVENTS_DEADLETTER).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
    }

    /** Polls until {@code count} letters match or the timeout passes; returns the matches. */
    public List<DeadLetter> await(int count, Predicate<DeadLetter> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (seen.stream().filter(filter).count() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (EventCodec.decode(r.value(), DeadLetter.class) instanceof Decoded.Ok<DeadLetter> ok) {
                    seen.add(ok.value());
                }
            }
        }
        return seen.stream().filter(filter).toList();
    }

    /** Letters of {@code consumer} whose record key starts with {@code keyPrefix}. */
    public static Predicate<DeadLetter> of(String consumer, String keyPrefix) {
        return d -> d.consumer().equals(consumer) && d.key() != null && new String(d.key(), StandardCharsets.UTF_8).startsWith(keyPrefix);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
