package io.quanyu.support;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code events.v1} (read_committed) in batches for a service that keeps what it needs of them in its database:
 * the batch's valid events go to the sink in one call, and offsets are committed only after it returns. When the
 * sink fails with an {@link SQLException}, the batch is read again a second later and {@link #failing()} is true
 * until a batch is stored, so readiness can report the database away. The sink must make a redelivered event a no-op.
 */
public final class EventBatchReader implements Runnable {

    /** What a service does with one batch of valid events. */
    public interface Sink {
        /** Stores what the service needs; throw to have the same batch read again. */
        void store(List<CloudEvent> events) throws SQLException;

        /** A record that is not a valid event: ingestion validated every one, so this is a contract breach to count. */
        void undecodable();
    }

    private static final Logger LOG = Logger.getLogger(EventBatchReader.class);

    private final String bootstrap;
    private final String groupId;
    private final Sink sink;
    private volatile boolean running = true;
    private volatile boolean failing;

    public EventBatchReader(String bootstrap, String groupId, Sink sink) {
        this.bootstrap = bootstrap;
        this.groupId = groupId;
        this.sink = sink;
    }

    /** True while batches cannot be stored, or after the reader stopped on an unexpected error. */
    public boolean failing() {
        return failing;
    }

    /** Asks the loop to end after the current poll. */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.EVENTS));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    handle(c, records);
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failing = true;
            LOG.errorf(e, "%s: events reader stopped", groupId);
        }
    }

    private void handle(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        List<CloudEvent> events = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            if (EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok) {
                events.add(ok.value());
            } else {
                sink.undecodable();
                LOG.warnf("%s: %s-%d@%d is not a valid event: skipped", groupId, r.topic(), r.partition(), r.offset());
            }
        }
        try {
            sink.store(events);
            c.commitSync();
            failing = false;
        } catch (SQLException e) {
            failing = true;
            LOG.warnf("%s: storing a batch of %d events failed, reading it again: %s", groupId, events.size(), e.getMessage());
            for (TopicPartition tp : records.partitions()) {
                c.seek(tp, records.records(tp).getFirst().offset());
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
