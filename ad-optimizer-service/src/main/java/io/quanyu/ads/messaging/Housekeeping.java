package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.EventStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Forgets ad event ids older than events.v1 can redeliver, once an hour. */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final EventStore store;
    private final AdsConfig config;

    public Housekeeping(EventStore store, AdsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "1h", delay = 5, delayUnit = java.util.concurrent.TimeUnit.MINUTES, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneSeen() {
        try {
            int n = store.pruneSeen(config.seenRetention());
            if (n > 0) {
                LOG.infof("forgot %d ad event ids older than %s", n, config.seenRetention());
            }
        } catch (Exception e) {
            LOG.warnf("pruning ad event ids failed, will retry: %s", e.getMessage());
        }
    }
}
