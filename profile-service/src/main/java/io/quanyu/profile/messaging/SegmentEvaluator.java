package io.quanyu.profile.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.SegmentRule;
import io.quanyu.profile.store.SegmentStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/** Which rule segments a portrait is in; the rules are cached and reloaded when one is created (or every 10 s). */
@ApplicationScoped
public class SegmentEvaluator {

    private static final Logger LOG = Logger.getLogger(SegmentEvaluator.class);
    private static final long RELOAD_NANOS = 10_000_000_000L;

    private final SegmentStore store;
    private final PortraitViews views;
    private volatile Map<String, SegmentRule> rules = Map.of();
    private volatile long loadedAt;

    public SegmentEvaluator(SegmentStore store, PortraitViews views) {
        this.store = store;
        this.views = views;
    }

    public List<String> matching(Portrait p) {
        Map<String, SegmentRule> current = current();
        if (current.isEmpty()) {
            return List.of();
        }
        JsonNode view = Json.MAPPER.valueToTree(views.view(p, List.of(), null, null, List.of()));
        List<String> out = new ArrayList<>();
        current.forEach((id, rule) -> {
            if (rule.matches(view)) {
                out.add(id);
            }
        });
        return out;
    }

    /** Forget the cache, so a new segment counts from the next batch on. */
    public void invalidate() {
        loadedAt = 0;
    }

    private Map<String, SegmentRule> current() {
        if (System.nanoTime() - loadedAt > RELOAD_NANOS || loadedAt == 0) {
            try {
                Map<String, SegmentRule> fresh = new java.util.LinkedHashMap<>();
                for (SegmentStore.Segment s : store.all()) {
                    if ("rule".equals(s.kind()) && s.definition() != null) {
                        fresh.put(s.id(), SegmentRule.parse(s.definition()));
                    }
                }
                rules = fresh;
                loadedAt = System.nanoTime();
            } catch (SQLException | IllegalArgumentException e) {
                LOG.warnf("segment rules not reloaded: %s", e.getMessage());
            }
        }
        return rules;
    }
}
