package io.quanyu.ingestion.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quanyu.events.Channel;
import io.quanyu.support.ConsumerWorker;
import io.quanyu.support.DeadLetters;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One consumer thread of the pipeline with its own transactional producer. A batch is published and its
 * offsets committed in one Kafka transaction, so a crash at any point either publishes the batch with its
 * offsets or neither; after any failure the worker rewinds to the committed offsets and tries again.
 */
final class PipelineWorker extends ConsumerWorker {

    private static final Logger LOG = Logger.getLogger(PipelineWorker.class);

    private final KafkaClients clients;
    private final BatchProcessor processor;
    private final MeterRegistry registry;
    private KafkaClientMetrics clientMetrics;
    /** A producer blocked in initTransactions (broker down), so stop() can interrupt it by closing it. */
    private volatile KafkaProducer<String, byte[]> initializing;
    private KafkaProducer<String, byte[]> producer;

    PipelineWorker(String name, String group, KafkaClients clients, BatchProcessor processor, Duration backoff, MeterRegistry registry,
                   DeadLetters deadLetters) {
        super(name, group, deadLetters, Duration.ofMillis(500), backoff);
        this.clients = clients;
        this.processor = processor;
        this.registry = registry;
    }

    @Override
    protected KafkaConsumer<byte[], byte[]> open() {
        KafkaConsumer<byte[], byte[]> consumer = clients.consumer(name());
        // Kafka's own client metrics, among them records-lag-max: how far the pipeline is behind the channels.
        clientMetrics = new KafkaClientMetrics(consumer);
        clientMetrics.bindTo(registry);
        consumer.subscribe(Channel.rawTopics());
        producer = newProducer();
        return consumer;
    }

    @Override
    protected void handle(ConsumerRecords<byte[], byte[]> records) throws Exception {
        processor.process(records, producer, kafka().groupMetadata());
    }

    @Override
    protected boolean fatal(Exception e) {
        // Another instance took our transactional id: this one must not publish again.
        return e instanceof ProducerFencedException;
    }

    /** Past a parked record: a transaction of its offset alone. */
    @Override
    protected void skip(ConsumerRecord<byte[], byte[]> record) {
        producer.beginTransaction();
        producer.sendOffsetsToTransaction(Map.of(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1)),
                kafka().groupMetadata());
        producer.commitTransaction();
    }

    /** Before records are applied one at a time: abort the failed batch's transaction (a new producer when that is impossible). */
    @Override
    protected void reset(Exception cause) {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            producer = newProducer();
        }
    }

    /** Aborts what is open (a new producer when the old one is unusable), then re-reads from the committed offsets. */
    @Override
    protected void recover(ConsumerRecords<byte[], byte[]> records, Exception cause) {
        processor.metrics().batchFailed();
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        while (sleepBackoff()) {
            try {
                if (producer == null) {
                    // initTransactions completes or aborts whatever the old producer left open under our id.
                    producer = newProducer();
                }
                rewind();
                return;
            } catch (WakeupException e) {
                throw e;
            } catch (KafkaException e) {
                noteError(e.toString());
                LOG.warnf("%s: cannot rewind yet: %s", name(), e);
            }
        }
    }

    private void rewind() {
        KafkaConsumer<byte[], byte[]> consumer = kafka();
        Set<TopicPartition> assigned = new HashSet<>(consumer.assignment());
        Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>(consumer.committed(assigned));
        for (TopicPartition tp : assigned) {
            OffsetAndMetadata at = committed.get(tp);
            if (at != null) {
                consumer.seek(tp, at);
            } else {
                consumer.seekToBeginning(Set.of(tp));
            }
        }
    }

    private KafkaProducer<String, byte[]> newProducer() {
        while (true) {
            KafkaProducer<String, byte[]> p = clients.transactionalProducer(name());
            initializing = p;
            try {
                p.initTransactions();
                initializing = null;
                return p;
            } catch (KafkaException e) {
                p.close(Duration.ZERO);
                initializing = null;
                if (!running()) {
                    throw new WakeupException();
                }
                noteError(e.toString());
                LOG.warnf("%s: cannot start the transactional producer yet: %s", name(), e);
                sleepBackoff();
            }
        }
    }

    @Override
    public void stop() {
        super.stop();
        KafkaProducer<String, byte[]> p = initializing;
        if (p != null && !finished()) {
            p.close(Duration.ZERO);
        }
    }

    @Override
    protected void closeResources() {
        if (clientMetrics != null) {
            clientMetrics.close();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
