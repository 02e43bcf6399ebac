package io.quanyu.recommender.messaging;

import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.domain.EventWeights;
import io.quanyu.recommender.domain.LiveCounts;
import io.quanyu.recommender.store.InteractionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What serves before the first training: popularity and same-visit co-occurrence counted from the latest stored
 * interactions, counted again at most once per refresh period, so a fresh shop answers from its first event.
 */
@ApplicationScoped
public class LiveModel {

    /** The counts and the catalog's titles and categories of the items they cover, as of {@code countedAt}. */
    public record Snapshot(LiveCounts counts, Map<String, InteractionStore.Item> items, Instant countedAt) {
    }

    private static final EventWeights WEIGHTS = EventWeights.ecommerceDefaults();

    private final InteractionStore store;
    private final RecommenderConfig.ColdStart config;
    private final ReentrantLock counting = new ReentrantLock();
    private volatile Snapshot current;

    public LiveModel(InteractionStore store, RecommenderConfig config) {
        this.store = store;
        this.config = config.coldStart();
    }

    /**
     * The counts, counted again when older than the refresh period. While one request counts, the others keep the
     * previous counts rather than each querying the database; only the very first request waits.
     */
    public Snapshot current() throws SQLException {
        Snapshot s = current;
        if (s != null && fresh(s)) {
            return s;
        }
        if (s != null && !counting.tryLock()) {
            return s;
        }
        if (s == null) {
            counting.lock();
        }
        try {
            s = current;
            if (s == null || !fresh(s)) {
                s = count();
                current = s;
            }
            return s;
        } finally {
            counting.unlock();
        }
    }

    private boolean fresh(Snapshot s) {
        return s.countedAt().plus(config.refresh()).isAfter(Instant.now());
    }

    private Snapshot count() throws SQLException {
        Instant now = Instant.now();
        List<InteractionStore.Recent> recent = store.recent(config.recentInteractions());
        List<LiveCounts.Row> rows = new ArrayList<>(recent.size());
        Map<String, InteractionStore.Item> items = new HashMap<>();
        for (InteractionStore.Recent r : recent) {
            double w = WEIGHTS.weight(r.type(), r.value());
            if (!Double.isNaN(w)) {
                rows.add(new LiveCounts.Row(r.userKey(), r.itemId(), w, r.at().getEpochSecond()));
                items.computeIfAbsent(r.itemId(), id -> new InteractionStore.Item(id, r.title(), null, r.category(), null, true));
            }
        }
        return new Snapshot(LiveCounts.of(rows, config.halfLife(), now.getEpochSecond()), Map.copyOf(items), now);
    }
}
