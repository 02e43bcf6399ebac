package io.quanyu.support;

import io.quanyu.events.DeadLetter;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * What the suite's consumer loops share: a consumer is opened and read until the service stops; a failure outside
 * the records (database or broker away) is retried with a growing backoff while {@link #failing()} reports it,
 * and ends by itself when the cause does; a record that fails for what it contains is parked on the dead-letter topic
 * and the loop moves past it. Even an unexpected error only reopens the consumer: the thread ends only when asked.
 */
public abstract class ConsumerLoop implements Runnable, Redrivable, ConsumerThreads.Stoppable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String consumer;
    private final DeadLetters deadLetters;
    private volatile boolean running = true;
    private volatile boolean failing;
    private volatile String lastError;
    private long backoffMillis = FIRST_BACKOFF.toMillis();

    protected ConsumerLoop(String consumer, DeadLetters deadLetters) {
        this.consumer = consumer;
        this.deadLetters = deadLetters;
        deadLetters.register(consumer);
    }

    /** Opens a consumer and reads until {@link #running()} is false; may throw, and is then called again after a backoff. */
    protected abstract void read() throws Exception;

    @Override
    public final void run() {
        while (running) {
            try {
                read();
            } catch (WakeupException | InterruptException e) {
                if (e instanceof InterruptException) {
                    Thread.interrupted();
                }
                if (!running) {
                    return;
                }
                failed(e);
            } catch (Exception | StackOverflowError e) {
                failed(e);
            }
        }
    }

    /** Notes a transient failure and waits the current backoff (which then grows); false when stopping. */
    protected final boolean failed(Throwable e) {
        failing = true;
        lastError = Failures.describe(e);
        LOG.warnf("%s: %s; retrying in %d ms", consumer, lastError, backoffMillis);
        boolean go = pause(backoffMillis);
        backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
        return go;
    }

    /** Notes that records are being applied again. */
    protected final void succeeded() {
        if (failing) {
            LOG.infof("%s: applying records again", consumer);
        }
        failing = false;
        backoffMillis = FIRST_BACKOFF.toMillis();
    }

    /** What a loop does with one record; throws when it cannot. */
    @FunctionalInterface
    protected interface Apply {
        void apply(ConsumerRecord<byte[], byte[]> record) throws Exception;
    }

    /**
     * Applies one record, or parks it when it fails for what it contains ({@link UndecodableRecord} as undecodable,
     * anything else as unapplicable); false when it must be read again: a transient failure (after its backoff), or
     * stopping mid-way.
     */
    protected final boolean applyOrPark(ConsumerRecord<byte[], byte[]> record, Apply apply) {
        try {
            try {
                apply.apply(record);
            } catch (Exception | StackOverflowError e) {
                if (Failures.isTransient(e) || !running) {
                    throw e;
                }
                boolean undecodable = e instanceof UndecodableRecord;
                park(record, undecodable ? DeadLetter.UNDECODABLE : DeadLetter.UNAPPLICABLE, Failures.describe(e), undecodable ? null : e);
            }
            succeeded();
            return true;
        } catch (Throwable e) {
            if (e instanceof Error err && !(e instanceof StackOverflowError)) {
                throw err;
            }
            failed(e);
            return false;
        }
    }

    /** Parks one record (throws when the broker would not take it: treat as transient). */
    protected final void park(ConsumerRecord<byte[], byte[]> record, String reason, String detail, Throwable error) throws Exception {
        deadLetters.park(consumer, record, reason, detail, error, 1);
    }

    /** Sleeps, waking early on {@link #stop()}; false when stopping. */
    protected final boolean pause(long millis) {
        long end = System.currentTimeMillis() + millis;
        try {
            while (running && System.currentTimeMillis() < end) {
                Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return running;
    }

    protected final boolean running() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public final String consumer() {
        return consumer;
    }

    @Override
    public final boolean failing() {
        return failing;
    }

    @Override
    public final String lastError() {
        return lastError;
    }
}
