package io.quanyu.ingestion.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quanyu.events.Channel;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
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
final class PipelineWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(PipelineWorker.class);

    private final String name;
    private final KafkaClients clients;
    private final BatchProcessor processor;
    private final Duration backoff;
    private final MeterRegistry registry;
    private KafkaClientMetrics clientMetrics;
    private volatile boolean running = true;
    private volatile long failingSince;
    private volatile long lastBatchAt;
    private volatile String lastError;
    private volatile boolean finished;
    /** A producer blocked in initTransactions (broker down), so stop() can interrupt it by closing it. */
    private volatile KafkaProducer<String, byte[]> initializing;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<String, byte[]> producer;

    PipelineWorker(String name, KafkaClients clients, BatchProcessor processor, Duration backoff, MeterRegistry registry) {
        this.name = name;
        this.registry = registry;
        this.clients = clients;
        this.processor = processor;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        try {
            consumer = clients.consumer(name);
            // Kafka's own client metrics, among them records-lag-max: how far the pipeline is behind the channels.
            clientMetrics = new KafkaClientMetrics(consumer);
            clientMetrics.bindTo(registry);
            consumer.subscribe(Channel.rawTopics());
            producer = newProducer();
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    handle(records);
                }
            }
        } catch (WakeupException e) {
            // stop() during start-up
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.errorf(e, "%s stopped", name);
        } finally {
            closeQuietly();
            finished = true;
        }
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        try {
            processor.process(records, producer, consumer.groupMetadata());
            failingSince = 0;
            lastBatchAt = System.currentTimeMillis();
        } catch (ProducerFencedException e) {
            // Another instance took our transactional id: this one must not publish again.
            throw e;
        } catch (Exception e) {
            if (failingSince == 0) {
                failingSince = System.currentTimeMillis();
            }
            lastError = e.toString();
            processor.metrics().batchFailed();
            LOG.warnf("%s: batch of %d records failed, rewinding to the committed offsets: %s", name, records.count(), e);
            recover();
        }
    }

    /** Aborts what is open (a new producer when the old one is unusable), then re-reads from the committed offsets. */
    private void recover() {
        try {
            producer.abortTransaction();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            producer = null;
        }
        while (running) {
            sleep();
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
                lastError = e.toString();
                LOG.warnf("%s: cannot rewind yet: %s", name, e);
            }
        }
    }

    private void rewind() {
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
            KafkaProducer<String, byte[]> p = clients.transactionalProducer(name);
            initializing = p;
            try {
                p.initTransactions();
                initializing = null;
                return p;
            } catch (KafkaException e) {
                p.close(Duration.ZERO);
                initializing = null;
                if (!running) {
                    throw new WakeupException();
                }
                lastError = e.toString();
                LOG.warnf("%s: cannot start the transactional producer yet: %s", name, e);
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            Thread.sleep(backoff);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        KafkaProducer<String, byte[]> p = initializing;
        if (p != null && !finished) {
            p.close(Duration.ZERO);
        }
    }

    boolean finished() {
        return finished;
    }

    /** Millis since batches began failing without a success, 0 when healthy. */
    long failingFor() {
        long since = failingSince;
        return since == 0 ? 0 : System.currentTimeMillis() - since;
    }

    String lastError() {
        return lastError;
    }

    long lastBatchAt() {
        return lastBatchAt;
    }

    String name() {
        return name;
    }

    private void closeQuietly() {
        if (clientMetrics != null) {
            clientMetrics.close();
        }
        try {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s: closing the producer: %s", name, e);
        }
        try {
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s: closing the consumer: %s", name, e);
        }
    }
}
