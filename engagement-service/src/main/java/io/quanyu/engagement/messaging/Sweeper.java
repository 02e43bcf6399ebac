package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.domain.Outcome;
import io.quanyu.engagement.store.Sweep;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.PeriodicLoop;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Map;
import org.jboss.logging.Logger;

/** Runs the sweep of due triggers every few seconds on a watched thread; a failed sweep (database away) is counted and retried. */
@ApplicationScoped
public class Sweeper {

    private static final Logger LOG = Logger.getLogger(Sweeper.class);

    private final EngagementConfig config;
    private final Sweep sweep;
    private final Publisher publisher;
    private final EngagementMetrics metrics;
    private final ConsumerThreads threads;
    private final PeriodicLoop loop;

    public Sweeper(EngagementConfig config, Sweep sweep, Publisher publisher, EngagementMetrics metrics, ConsumerThreads threads) {
        this.config = config;
        this.sweep = sweep;
        this.publisher = publisher;
        this.metrics = metrics;
        this.threads = threads;
        this.loop = new PeriodicLoop(config.sweepEvery(), l -> {
            Map<Outcome, Integer> decided;
            do {
                decided = sweepOnce(Instant.now());
            } while (l.running() && decided.values().stream().mapToInt(Integer::intValue).sum() >= config.sweepBatch());
        }, e -> {
            metrics.sweepFailed();
            LOG.warnf("the sweep of due triggers failed, will retry: %s", e.getMessage());
        }, () -> { });
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("engagement-sweep", loop);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** One sweep as of {@code now} (tests call it to decide at a chosen instant); nudges the publisher when it acted. */
    public Map<Outcome, Integer> sweepOnce(Instant now) throws Exception {
        Map<Outcome, Integer> decided = sweep.sweep(now);
        metrics.decided(decided);
        if (decided.containsKey(Outcome.ACTED)) {
            publisher.nudge();
        }
        return decided;
    }
}
