package io.quanyu.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A bean's consumer threads: started by name, stopped together, each given 10 s to finish what it is doing. */
public final class BackgroundThreads {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    public void start(String name, Runnable task) {
        threads.add(Thread.ofPlatform().name(name).start(task));
    }

    /** False once {@link #stop()} was called: loops that poll it end. */
    public boolean running() {
        return running;
    }

    public void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
