package io.quanyu.profile.messaging;

import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.store.ProfileStore;
import io.quanyu.profile.store.UnpublishedStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Sends again the portraits that a committed batch changed but whose records the broker never acknowledged: the
 * process died between the commit and the acknowledgement, or the broker stayed away. Each is sent as it is now
 * (a tombstone when the customer was merged away or erased meanwhile), which is what a consumer of the compacted
 * topic needs; a second copy of a record changes nothing there.
 */
@ApplicationScoped
public class PortraitResender {

    private static final Logger LOG = Logger.getLogger(PortraitResender.class);
    private static final int BATCH = 500;

    private final ProfileConfig config;
    private final UnpublishedStore unpublished;
    private final DataSource dataSource;
    private final ProfileStore profiles;
    private final ProfilePublisher publisher;

    public PortraitResender(ProfileConfig config, UnpublishedStore unpublished, DataSource dataSource, ProfileStore profiles,
                            ProfilePublisher publisher) {
        this.config = config;
        this.unpublished = unpublished;
        this.dataSource = dataSource;
        this.profiles = profiles;
        this.publisher = publisher;
    }

    @Scheduled(every = "${quanyu.profile.consumer.resend-every}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.consumer().enabled()) {
            return;
        }
        try {
            int sent = resend();
            if (sent > 0) {
                LOG.infof("sent again %d portraits that were committed but never acknowledged on profile.updates.v1", sent);
            }
        } catch (Exception e) {
            LOG.warnf("re-sending unacknowledged portraits failed, next time: %s", e.toString());
        }
    }

    /** Sends every portrait marked longer ago than the configured wait; returns how many. */
    public int resend() throws Exception {
        int total = 0;
        while (true) {
            Map<String, Instant> marks = unpublished.olderThan(Instant.now().minus(config.consumer().resendAfter()), BATCH);
            if (marks.isEmpty()) {
                return total;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    // The rows stay locked until the broker has the records: a batch changing one of these customers
                    // meanwhile waits, so its newer portrait is always sent after the one read here.
                    Map<String, Portrait> found = profiles.lockProfiles(c, marks.keySet());
                    Map<String, List<String>> keys = profiles.keysOfAll(c, found.keySet());
                    Set<String> gone = new LinkedHashSet<>(marks.keySet());
                    gone.removeAll(found.keySet());
                    publisher.publishCurrent(found, keys, gone);
                } finally {
                    c.rollback();
                }
            }
            // Read after every mark of the set: a batch that marks one of them again marks it later than these.
            unpublished.clear(marks.keySet(), Collections.max(marks.values()));
            total += marks.size();
            if (marks.size() < BATCH) {
                return total;
            }
        }
    }
}
