package io.quanyu.ingestion.store;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/** Deletes event ids older than the dedupe window, in chunks so no single statement holds locks for long. */
@ApplicationScoped
public class DedupeJanitor {

    private static final Logger LOG = Logger.getLogger(DedupeJanitor.class);
    private static final int CHUNK = 20_000;

    private final DedupeStore store;

    public DedupeJanitor(DedupeStore store) {
        this.store = store;
    }

    @Scheduled(every = "${quanyu.ingestion.dedupe.cleanup-every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void cleanup() {
        try {
            int total = 0;
            int deleted;
            do {
                deleted = store.deleteExpired(CHUNK);
                total += deleted;
            } while (deleted == CHUNK);
            if (total > 0) {
                LOG.infof("dedupe: forgot %d event ids older than the window", total);
            }
        } catch (SQLException e) {
            LOG.warnf("dedupe cleanup failed, will retry: %s", e.getMessage());
        }
    }
}
