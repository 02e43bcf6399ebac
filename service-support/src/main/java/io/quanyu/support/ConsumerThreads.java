package io.quanyu.support;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.jboss.logging.Logger;

/**
 * A service's consumer threads: started by name, stopped together (each given 10 s to finish what it is doing), and
 * watched. A thread that ends while the service runs, by returning or by an error, turns liveness DOWN
 * ({@link ConsumersLiveness}), so Kubernetes restarts the pod instead of leaving an API up whose data no longer moves.
 */
@ApplicationScoped
public class ConsumerThreads {

    private static final Logger LOG = Logger.getLogger(ConsumerThreads.class);

    /** One started thread and, once it ended unasked, why. */
    private static final class Watched {
        final String name;
        final Runnable task;
        volatile Thread thread;
        volatile String death;

        Watched(String name, Runnable task) {
            this.name = name;
            this.task = task;
        }
    }

    private final List<Watched> watched = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    /** Starts {@code task} on a platform thread named {@code name}. */
    public void start(String name, Runnable task) {
        Watched w = new Watched(name, task);
        watched.add(w);
        w.thread = Thread.ofPlatform().name(name).start(() -> {
            try {
                task.run();
                if (running) {
                    w.death = "returned while the service runs";
                    LOG.errorf("consumer thread %s ended while the service runs: liveness is DOWN", name);
                }
            } catch (Throwable t) {
                w.death = t.toString();
                LOG.errorf(t, "consumer thread %s died: liveness is DOWN", name);
                throw t;
            }
        });
    }

    /** False once {@link #stop()} was called: loops that poll it end. */
    public boolean running() {
        return running;
    }

    /** Every started task that reports its state, for readiness and the re-drive endpoint. */
    public List<ConsumerStatus> consumers() {
        return watched.stream().map(w -> w.task).filter(ConsumerStatus.class::isInstance).map(ConsumerStatus.class::cast).toList();
    }

    /** The started task named by its consumer name, if it can re-drive parked records. */
    public Optional<Redrivable> redrivable(String consumer) {
        return consumers().stream().filter(c -> c instanceof Redrivable && c.consumer().equals(consumer)).map(Redrivable.class::cast).findFirst();
    }

    /** Asks every thread to end (their tasks poll {@link #running()}) and waits for each up to 10 s. */
    public void stop() {
        running = false;
        for (Watched w : watched) {
            if (w.task instanceof Stoppable s) {
                s.stop();
            }
        }
        for (Watched w : watched) {
            try {
                w.thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Liveness: DOWN once any thread ended while the service runs. */
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("consumer threads").up();
        for (Watched w : watched) {
            String death = w.death;
            if (death != null) {
                b.down().withData(w.name, "dead: " + death);
            }
        }
        return b.withData("threads", watched.size()).build();
    }

    /** A task that can be asked to end; {@link #stop()} asks each before waiting. */
    public interface Stoppable {
        void stop();
    }
}
