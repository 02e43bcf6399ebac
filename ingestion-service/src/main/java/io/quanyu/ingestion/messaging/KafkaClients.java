package io.quanyu.ingestion.messaging;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the service's Kafka clients from {@code kafka.bootstrap.servers} and the pipeline settings. */
@ApplicationScoped
public class KafkaClients {

    private final String bootstrap;
    private final IngestionConfig config;

    public KafkaClients(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, IngestionConfig config) {
        this.bootstrap = bootstrap;
        this.config = config;
    }

    /** A consumer of the raw topics that sees only committed records and never commits on its own. */
    KafkaConsumer<byte[], byte[]> consumer(String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.pipeline().groupId());
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        // Static membership: a restarted instance takes its partitions back at once instead of after a session timeout.
        p.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, config.pipeline().transactionalIdPrefix() + "-" + clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.pipeline().maxPollRecords());
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        return new KafkaConsumer<>(KafkaClientSettings.with(p), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** An idempotent, transactional producer whose id is stable across restarts of this instance. */
    KafkaProducer<String, byte[]> transactionalProducer(String clientId) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.pipeline().transactionalIdPrefix() + "-" + clientId);
        p.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) config.pipeline().transactionTimeout().toMillis());
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        return new KafkaProducer<>(KafkaClientSettings.with(p), new StringSerializer(), new ByteArraySerializer());
    }

    /** The collector's producer to the raw topics: idempotent, acknowledged by all replicas, bounded in waiting. */
    public KafkaProducer<String, byte[]> rawProducer() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "ingestion-collector");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        long timeout = config.collector().sendTimeout().toMillis();
        // send() must not block a request thread longer than the request is willing to wait.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1000, timeout));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(timeout + 1000 + 5, 2 * timeout));
        return new KafkaProducer<>(KafkaClientSettings.with(p), new StringSerializer(), new ByteArraySerializer());
    }
}
