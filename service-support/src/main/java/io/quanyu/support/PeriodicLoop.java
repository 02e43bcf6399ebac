package io.quanyu.support;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A round run every {@code every} on a watched thread ({@link ConsumerThreads}) until stopped: a round that throws
 * (the database away) is reported to {@code failed} and the next one runs as planned, so the loop never dies of it.
 * Stopping ends the pause at once and the loop after the current round.
 */
public final class PeriodicLoop implements Runnable, ConsumerThreads.Stoppable {

    /** One round; may run for as long as it needs (e.g. while it finds work). */
    @FunctionalInterface
    public interface Round {
        void run(PeriodicLoop loop) throws Exception;
    }

    private final Duration every;
    private final Round round;
    private final Consumer<Exception> failed;
    private final Runnable finished;
    private volatile boolean running = true;

    /**
     * @param failed   told of each failed round (count it, log it)
     * @param finished run once when the loop ends (release what the rounds used)
     */
    public PeriodicLoop(Duration every, Round round, Consumer<Exception> failed, Runnable finished) {
        this.every = every;
        this.round = round;
        this.failed = failed;
        this.finished = finished;
    }

    /** False once stopped: a round that loops while it finds work checks it. */
    public boolean running() {
        return running;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try {
            while (running) {
                try {
                    round.run(this);
                } catch (Exception e) {
                    failed.accept(e);
                }
                long end = System.currentTimeMillis() + every.toMillis();
                while (running && System.currentTimeMillis() < end) {
                    try {
                        Thread.sleep(Math.min(100, Math.max(1, end - System.currentTimeMillis())));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        } finally {
            finished.run();
        }
    }
}
