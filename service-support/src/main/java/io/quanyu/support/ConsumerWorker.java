package io.quanyu.support;

import io.quanyu.events.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The life of one consumer thread that manages its own offsets (in a database or a Kafka transaction): open, poll,
 * hand each non-empty batch to the subclass. A batch that fails for a reason outside its records is read again
 * after {@link #recover}; one that fails for what a record contains is applied record by record, and a record that
 * fails alone is parked on the dead-letter topic and {@link #skip skipped}. Stops on {@link #stop()}, and reports
 * for health checks whether it still runs and since when its batches have been failing.
 */
public abstract class ConsumerWorker implements Runnable, ConsumerStatus, ConsumerThreads.Stoppable {

    private static final Logger LOG = Logger.getLogger(ConsumerWorker.class);

    private final String name;
    private final String group;
    private final DeadLetters deadLetters;
    private final java.util.LinkedHashSet<String> recentlyParked = new java.util.LinkedHashSet<>();
    private final Duration poll;
    private final Duration backoff;
    private volatile boolean running = true;
    private volatile boolean finished;
    private volatile long failingSince;
    private volatile String lastError;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    protected ConsumerWorker(String name, String group, DeadLetters deadLetters, Duration poll, Duration backoff) {
        this.name = name;
        this.group = group;
        this.deadLetters = deadLetters;
        deadLetters.register(group);
        this.poll = poll;
        this.backoff = backoff;
    }

    /** Creates and subscribes the consumer, and whatever else the worker owns. */
    protected abstract KafkaConsumer<byte[], byte[]> open();

    /** Handles one batch; throwing marks it failed and calls {@link #recover}. */
    protected abstract void handle(ConsumerRecords<byte[], byte[]> records) throws Exception;

    /** After a failed batch: make its records be read again (seek back, rebuild what broke). */
    protected abstract void recover(ConsumerRecords<byte[], byte[]> records, Exception cause);

    /**
     * After a record failed alone for what it contains and was parked: move the stored position past it, so it is
     * not read again (the database offset, or a Kafka transaction with just the offset).
     */
    protected abstract void skip(ConsumerRecord<byte[], byte[]> record) throws Exception;

    /** Before a batch is applied again record by record: undo what the failed attempt left open (an open transaction). */
    protected void reset(Exception cause) {
    }

    /** Failures that must end the worker instead of being retried. */
    protected boolean fatal(Exception e) {
        return false;
    }

    /** Closes what {@link #open()} created besides the consumer. */
    protected void closeResources() {
    }

    @Override
    public final void run() {
        try {
            while (running) {
                try {
                    consumer = open();
                    while (running) {
                        ConsumerRecords<byte[], byte[]> records = consumer.poll(poll);
                        if (!records.isEmpty()) {
                            process(records);
                        }
                    }
                } catch (WakeupException e) {
                    // stop()
                } catch (Fatal e) {
                    lastError = e.getCause().toString();
                    LOG.errorf(e.getCause(), "%s stopped for good", name);
                    return;
                } catch (RuntimeException e) {
                    // Broker or database away while opening, seeking or polling: reopen after a backoff, never end.
                    if (failingSince == 0) {
                        failingSince = System.currentTimeMillis();
                    }
                    lastError = Failures.describe(e);
                    LOG.warnf("%s: %s; reopening the consumer", name, lastError);
                } finally {
                    close();
                }
                if (running) {
                    sleepBackoff();
                }
            }
        } finally {
            finished = true;
        }
    }

    private void close() {
        try {
            closeResources();
            if (consumer != null) {
                consumer.close(Duration.ofSeconds(5));
            }
        } catch (RuntimeException e) {
            LOG.debugf("%s: closing: %s", name, e);
        }
        consumer = null;
    }

    /** A failure {@link #fatal} said must end the worker. */
    private static final class Fatal extends RuntimeException {
        Fatal(Exception cause) {
            super(cause);
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        try {
            handle(records);
            failingSince = 0;
        } catch (Exception e) {
            if (fatal(e)) {
                throw new Fatal(e);
            }
            Exception cause = e;
            if (!Failures.isTransient(e)) {
                LOG.warnf("%s: a batch of %d records failed for its data (%s): applying them one by one", name, records.count(), Failures.describe(e));
                reset(e);
                cause = isolate(records);
                if (cause == null) {
                    failingSince = 0;
                    return;
                }
            }
            if (failingSince == 0) {
                failingSince = System.currentTimeMillis();
            }
            lastError = Failures.describe(cause);
            LOG.warnf("%s: batch of %d records failed, reading it again: %s", name, records.count(), lastError);
            recover(records, cause);
        }
    }

    /**
     * Applies the batch one record at a time, parking and skipping each that fails alone for its data; returns the
     * transient failure that interrupted it (the caller then recovers as for any batch), or null when done.
     */
    private Exception isolate(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition tp : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> r : records.records(tp)) {
                ConsumerRecords<byte[], byte[]> one = new ConsumerRecords<>(Map.of(tp, List.of(r)), Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                try {
                    handle(one);
                } catch (Exception e) {
                    if (fatal(e)) {
                        throw new Fatal(e);
                    }
                    if (Failures.isTransient(e)) {
                        return e;
                    }
                    try {
                        reset(e);
                        deadLetters.park(group, r, DeadLetter.UNAPPLICABLE, Failures.describe(e), e, 1);
                        skip(r);
                    } catch (Exception parkFailed) {
                        return parkFailed;
                    }
                }
            }
        }
        return null;
    }

    /** Parks a record the subclass found undecodable (counted, with its reason) before applying the rest of its batch. */
    protected final void parkUndecodable(ConsumerRecord<byte[], byte[]> record, String detail) throws Exception {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        // A batch that failed is read again (or one record at a time): its undecodable records were parked already.
        if (recentlyParked.contains(where)) {
            return;
        }
        deadLetters.park(group, record, DeadLetter.UNDECODABLE, detail, null, 1);
        recentlyParked.add(where);
        if (recentlyParked.size() > 10_000) {
            recentlyParked.removeFirst();
        }
    }

    /** Waits the retry backoff; false when stopping (the caller should give up). */
    protected final boolean sleepBackoff() {
        try {
            Thread.sleep(backoff);
            return running;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        }
    }

    protected final KafkaConsumer<byte[], byte[]> kafka() {
        return consumer;
    }

    protected final boolean running() {
        return running;
    }

    protected final void noteError(String error) {
        lastError = error;
    }

    /** A failure outside the records while finishing a batch (publishing what it changed): readiness DOWN until {@link #recovered()}. */
    protected final void failingOn(Exception e) {
        if (failingSince == 0) {
            failingSince = System.currentTimeMillis();
        }
        lastError = Failures.describe(e);
    }

    protected final void recovered() {
        failingSince = 0;
    }

    @Override
    public void stop() {
        running = false;
        KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    public final boolean finished() {
        return finished;
    }

    /** Millis since batches began failing without a success in between; 0 when healthy. */
    public final long failingFor() {
        long since = failingSince;
        return since == 0 ? 0 : System.currentTimeMillis() - since;
    }

    @Override
    public final String lastError() {
        return lastError;
    }

    public final String name() {
        return name;
    }

    @Override
    public final String consumer() {
        return group;
    }

    @Override
    public final boolean failing() {
        return failingSince != 0 || finished && running;
    }
}
