package io.quanyu.support;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * The life of one consumer thread: open, poll, hand each non-empty batch to the subclass, and on a failed
 * batch let the subclass arrange for it to be read again; stop on {@link #stop()}, and report for health
 * checks whether it still runs and since when its batches have been failing.
 */
public abstract class ConsumerWorker implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerWorker.class);

    private final String name;
    private final Duration poll;
    private final Duration backoff;
    private volatile boolean running = true;
    private volatile boolean finished;
    private volatile long failingSince;
    private volatile String lastError;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    protected ConsumerWorker(String name, Duration poll, Duration backoff) {
        this.name = name;
        this.poll = poll;
        this.backoff = backoff;
    }

    /** Creates and subscribes the consumer, and whatever else the worker owns. */
    protected abstract KafkaConsumer<byte[], byte[]> open();

    /** Handles one batch; throwing marks it failed and calls {@link #recover}. */
    protected abstract void handle(ConsumerRecords<byte[], byte[]> records) throws Exception;

    /** After a failed batch: make its records be read again (seek back, rebuild what broke). */
    protected abstract void recover(ConsumerRecords<byte[], byte[]> records, Exception cause);

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
            consumer = open();
            while (running) {
                ConsumerRecords<byte[], byte[]> records;
                try {
                    records = consumer.poll(poll);
                } catch (WakeupException e) {
                    break;
                }
                if (!records.isEmpty()) {
                    process(records);
                }
            }
        } catch (WakeupException e) {
            // stop() during start-up
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.errorf(e, "%s stopped", name);
        } finally {
            try {
                closeResources();
                if (consumer != null) {
                    consumer.close(Duration.ofSeconds(5));
                }
            } catch (RuntimeException e) {
                LOG.debugf("%s: closing: %s", name, e);
            }
            finished = true;
        }
    }

    private void process(ConsumerRecords<byte[], byte[]> records) {
        try {
            handle(records);
            failingSince = 0;
        } catch (Exception e) {
            if (fatal(e)) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            if (failingSince == 0) {
                failingSince = System.currentTimeMillis();
            }
            lastError = e.toString();
            LOG.warnf("%s: batch of %d records failed, reading it again: %s", name, records.count(), e);
            recover(records, e);
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

    protected final KafkaConsumer<byte[], byte[]> consumer() {
        return consumer;
    }

    protected final boolean running() {
        return running;
    }

    protected final void noteError(String error) {
        lastError = error;
    }

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

    public final String lastError() {
        return lastError;
    }

    public final String name() {
        return name;
    }
}
