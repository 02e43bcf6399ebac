package io.quanyu.testkit;

import io.quanyu.events.KafkaClientSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka producer and consumer for tests: publish raw bytes, wait for records on a topic. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrap = bootstrapServers;
        this.producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** A client on the shared test broker. */
    public static KafkaTestClient shared() {
        return new KafkaTestClient(Infra.kafka().bootstrapServers());
    }

    /** Publishes and waits for the broker's acknowledgement; returns where the record landed. */
    public RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed: " + e, e);
        }
    }

    /** Publishes all records, pipelined, and waits for every acknowledgement; returns where each landed, in order. */
    public List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<java.util.concurrent.Future<RecordMetadata>> futures = new ArrayList<>(records.size());
        records.forEach(r -> futures.add(producer.send(r)));
        List<RecordMetadata> out = new ArrayList<>(records.size());
        try {
            for (java.util.concurrent.Future<RecordMetadata> f : futures) {
                out.add(f.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("send failed: " + e, e);
        }
        return out;
    }

    /** A consumer that reads {@code topic} from the latest offset on; call before producing what it should see. */
    public Tail tail(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                // Like every consumer of the suite: records of aborted transactions never count.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        // Join the group and fix the start position now, so nothing produced after this call is missed.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (consumer.assignment().isEmpty() && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
        return new Tail(consumer);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Records of one topic as they arrive. */
    public static final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

        Tail(KafkaConsumer<String, byte[]> consumer) {
            this.consumer = consumer;
        }

        /** Polls until {@code count} records matching {@code filter} arrived or the timeout passed; returns the matches. */
        public List<ConsumerRecord<String, byte[]>> await(int count, Predicate<ConsumerRecord<String, byte[]>> filter, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && seen.stream().filter(filter).count() < count) {
                consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
            }
            return seen.stream().filter(filter).toList();
        }

        public List<ConsumerRecord<String, byte[]>> await(int count, Duration timeout) {
            return await(count, r -> true, timeout);
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
