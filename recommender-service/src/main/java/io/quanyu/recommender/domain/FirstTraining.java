package io.quanyu.recommender.domain;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Starts the first training as soon as enough interactions are stored instead of at the next scheduled slot; checks
 * never overlap, and a failed or empty training is tried again only after a pause, never in a tight loop.
 */
public final class FirstTraining {

    /** How many interactions are stored, counting at most {@code limit} (so the check stays cheap on a large table). */
    @FunctionalInterface
    public interface Count {
        long atMost(long limit) throws Exception;
    }

    /** Runs a training; returns false when it ran and produced no model (true too when another training was already running). */
    @FunctionalInterface
    public interface Train {
        boolean run() throws Exception;
    }

    /** What one check did: TRAINED when a training ran (or one already running will serve), NOT_TRAINED when it produced no model. */
    public enum Outcome { ALREADY_TRAINED, TOO_FEW, TRAINED, NOT_TRAINED, FAILED, PAUSED, BUSY }

    private final long threshold;
    private final long retryNanos;
    private final LongSupplier nanoTime;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long notBefore;
    private volatile boolean paused;
    private volatile String lastFailure = "none";

    /**
     * @param threshold  interactions stored before the first training starts (at least 1)
     * @param retryAfter pause after a failed training (or one that produced no model) before the next attempt
     * @param nanoTime   the clock, {@link System#nanoTime} outside tests
     */
    public FirstTraining(long threshold, Duration retryAfter, LongSupplier nanoTime) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the first training needs at least 1 interaction, was " + threshold);
        }
        this.threshold = threshold;
        this.retryNanos = retryAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    public long threshold() {
        return threshold;
    }

    /** Why the last attempt gave no model, for the log. */
    public String lastFailure() {
        return lastFailure;
    }

    /**
     * One check: trains when no model is served yet and at least the threshold of interactions is stored. Never
     * throws: a failure is reported as {@link Outcome#FAILED} so that the caller's scheduler keeps running.
     */
    public Outcome check(BooleanSupplier trained, Count count, Train train) {
        if (trained.getAsBoolean()) {
            return Outcome.ALREADY_TRAINED;
        }
        if (!checking.compareAndSet(false, true)) {
            return Outcome.BUSY;
        }
        try {
            if (paused && nanoTime.getAsLong() - notBefore < 0) {
                return Outcome.PAUSED;
            }
            if (count.atMost(threshold) < threshold) {
                return Outcome.TOO_FEW;
            }
            boolean ok = train.run();
            if (!ok) {
                lastFailure = "the training found nothing to train on";
                pause();
            }
            return ok ? Outcome.TRAINED : Outcome.NOT_TRAINED;
        } catch (Exception | OutOfMemoryError e) {
            // A training that ran out of heap leaves only garbage behind; serving goes on from the live counts.
            lastFailure = e.toString();
            pause();
            return Outcome.FAILED;
        } finally {
            checking.set(false);
        }
    }

    private void pause() {
        notBefore = nanoTime.getAsLong() + retryNanos;
        paused = true;
    }
}
