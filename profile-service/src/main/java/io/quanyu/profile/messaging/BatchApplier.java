package io.quanyu.profile.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.ProductView;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.profile.domain.IdentityKeys;
import io.quanyu.profile.domain.IdentityRules;
import io.quanyu.profile.store.ClaimStore;
import io.quanyu.profile.domain.Portrait;
import io.quanyu.profile.domain.PortraitUpdater;
import io.quanyu.profile.store.ErasureStore;
import io.quanyu.profile.store.OffsetStore;
import io.quanyu.profile.store.ProfileStore;
import io.quanyu.profile.store.SegmentStore;
import io.quanyu.profile.store.UnpublishedStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;

/**
 * Applies a polled batch of events to portraits in one database transaction: resolve every key through the
 * identity graph (rows locked in key order), merge components an identify may join ({@link IdentityRules}: refused
 * links become conflicts, unverified strong links hints, stored with the batch), update portraits, record the
 * compact history, refresh rule-segment memberships, and store the consumer offsets with it all.
 */
@ApplicationScoped
public class BatchApplier {

    /** One event with where it came from. */
    public record Incoming(CloudEvent event, TopicPartition partition, long offset) {
    }

    /** What a committed batch changed, for publishing; {@code marked} are the customers it marked unpublished at {@code markedAt}. */
    public record Applied(Map<String, Portrait> portraits, Map<String, List<String>> keys, List<Merge> merges,
                          Map<String, String> newKeys, int skippedErased, Set<String> marked, java.time.Instant markedAt,
                          List<ClaimStore.Hint> hints, List<ClaimStore.Conflict> conflicts) {
    }

    /** Customer {@code from} turned out to be {@code into}. */
    public record Merge(String from, String into) {
    }

    private final DataSource dataSource;
    private final ProfileStore profiles;
    private final OffsetStore offsets;
    private final SegmentStore segments;
    private final ErasureStore erasures;
    private final SegmentEvaluator evaluator;
    private final PortraitUpdater updater;
    private final UnpublishedStore unpublished;
    private final ClaimStore claims;

    public BatchApplier(DataSource dataSource, ProfileStore profiles, OffsetStore offsets, SegmentStore segments, ErasureStore erasures,
                        SegmentEvaluator evaluator, PortraitUpdater updater, UnpublishedStore unpublished, ClaimStore claims) {
        this.claims = claims;
        this.unpublished = unpublished;
        this.dataSource = dataSource;
        this.profiles = profiles;
        this.offsets = offsets;
        this.segments = segments;
        this.erasures = erasures;
        this.evaluator = evaluator;
        this.updater = updater;
    }

    /** Raised when a concurrent batch linked one of this batch's new keys first. */
    static final class ConcurrentLink extends RuntimeException {
        ConcurrentLink() {
            super("a key of this batch was linked by a concurrent batch", null, false, false);
        }
    }

    /**
     * Applies the batch, retrying at once (up to 5 times) when it collided with a concurrent one: a key linked
     * meanwhile, a deadlock, or a unique violation. Each attempt starts from scratch in a new transaction.
     */
    public Applied apply(List<Incoming> batch, Map<TopicPartition, Long> next, String group) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    Applied applied = applyIn(c, batch, next, group);
                    c.commit();
                    return applied;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    if (attempt >= 5 || !collided(e)) {
                        throw e;
                    }
                }
            }
        }
    }

    private static boolean collided(Exception e) {
        if (e instanceof ConcurrentLink) {
            return true;
        }
        String state = e instanceof SQLException sql ? sql.getSQLState() : null;
        // deadlock detected, serialization failure, unique violation
        return "40P01".equals(state) || "40001".equals(state) || "23505".equals(state);
    }

    private Applied applyIn(Connection c, List<Incoming> batch, Map<TopicPartition, Long> next, String group) throws SQLException {
        Set<String> allKeys = new LinkedHashSet<>();
        batch.forEach(in -> allKeys.addAll(IdentityKeys.keysOf(in.event())));
        Map<String, java.time.Instant> erased = erasures.erasedAmong(c, allKeys);
        Map<String, String> identity = new HashMap<>(profiles.lockIdentities(c, allKeys));
        Set<String> existed = new java.util.HashSet<>(identity.keySet());
        Map<String, Portrait> portraits = new HashMap<>(profiles.lockProfiles(c, new LinkedHashSet<>(identity.values())));
        Map<String, Set<String>> hinted = new HashMap<>(claims.hintedBy(c, allKeys));
        IdentityRules.Graph graph = new IdentityRules.Graph() {
            @Override
            public String customerOf(String key) {
                return identity.get(key);
            }

            @Override
            public Set<String> hintedBy(String key) {
                return hinted.getOrDefault(key, Set.of());
            }
        };
        List<ClaimStore.Hint> hints = new ArrayList<>();
        List<ClaimStore.Conflict> conflicts = new ArrayList<>();
        Map<String, String> newKeys = new LinkedHashMap<>();
        List<Merge> merges = new ArrayList<>();
        Set<String> changed = new LinkedHashSet<>();
        List<ProfileStore.EventRow> history = new ArrayList<>();
        int skipped = 0;

        for (Incoming in : batch) {
            CloudEvent e = in.event();
            java.time.Instant erasedAt = erased.get(e.subject());
            if (erasedAt != null && !e.time().isAfter(erasedAt)) {
                // An event of an erased customer from before the erasure (a replay): it must not bring them back.
                skipped++;
                continue;
            }
            IdentityRules.Decision d = IdentityRules.decide(e, graph);
            String target = d.target();
            for (String other : d.absorb()) {
                Portrait from = portraits.remove(other);
                Portrait into = portraits.computeIfAbsent(target, Portrait::new);
                if (from != null) {
                    into.absorb(from, updater.halfLife());
                }
                merges.add(new Merge(other, target));
                identity.replaceAll((k, v) -> v.equals(other) ? target : v);
                hinted.values().forEach(owners -> {
                    if (owners.remove(other)) {
                        owners.add(target);
                    }
                });
                changed.remove(other);
            }
            for (String k : d.link()) {
                if (!target.equals(identity.get(k))) {
                    identity.put(k, target);
                    newKeys.put(k, target);
                }
            }
            for (String k : d.hints()) {
                hinted.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(target);
                hints.add(new ClaimStore.Hint(k, target, e.channel(), e.time()));
            }
            for (IdentityRules.Conflict x : d.conflicts()) {
                conflicts.add(new ClaimStore.Conflict(0, target, x.other(), x.key(), x.reason(), e.channel(), e.id(), e.time()));
            }
            Portrait p = portraits.computeIfAbsent(target, Portrait::new);
            updater.apply(p, e);
            changed.add(target);
            history.add(row(target, e));
        }

        Map<String, String> finalNames = new HashMap<>();
        merges.forEach(m -> finalNames.put(m.from(), m.into()));
        Map<String, String> finalTargets = new HashMap<>();
        finalNames.keySet().forEach(from -> finalTargets.put(from, resolve(finalNames, from)));
        profiles.repoint(c, finalTargets);
        claims.repoint(c, finalTargets);
        List<ClaimStore.Hint> finalHints = hints.stream().map(h -> new ClaimStore.Hint(h.key(), resolve(finalNames, h.customerId()), h.channel(), h.at())).toList();
        List<ClaimStore.Conflict> finalConflicts = conflicts.stream().map(x -> new ClaimStore.Conflict(0, resolve(finalNames, x.customerId()),
                resolve(finalNames, x.otherCustomerId()), x.key(), x.reason(), x.channel(), x.eventId(), x.at())).toList();
        claims.record(c, finalHints, finalConflicts);
        newKeys.replaceAll((k, v) -> resolve(finalNames, v));
        Map<String, String> created = new LinkedHashMap<>(newKeys);
        created.keySet().removeAll(existed);
        // Keys that existed were moved by repoint (their customers were merged); the others must be new to everyone.
        if (!profiles.insertNewKeys(c, created)) {
            throw new ConcurrentLink();
        }
        Map<String, Portrait> out = new LinkedHashMap<>();
        for (String id : changed) {
            Portrait p = portraits.get(id);
            if (p != null) {
                out.put(id, p);
            }
        }
        profiles.saveProfiles(c, out.values());
        profiles.insertEvents(c, history.stream().map(r -> new ProfileStore.EventRow(resolve(finalNames, r.customerId()), r.eventId(),
                r.at(), r.type(), r.channel(), r.amount(), r.category(), r.subject())).toList());
        List<String[]> memberships = new ArrayList<>();
        for (Portrait p : out.values()) {
            evaluator.matching(p).forEach(s -> memberships.add(new String[] {s, p.customerId}));
        }
        segments.replaceRuleMemberships(c, out.keySet(), memberships);
        offsets.write(c, group, next);
        // Marked with the batch, so a crash before the broker acknowledges the records cannot lose them (PortraitResender).
        Set<String> marked = new LinkedHashSet<>(out.keySet());
        merges.forEach(m -> marked.add(m.from()));
        java.time.Instant markedAt = java.time.Instant.now();
        unpublished.mark(c, marked, markedAt);
        return new Applied(out, profiles.keysOfAll(c, out.keySet()), merges, newKeys, skipped, marked, markedAt, finalHints, finalConflicts);
    }

    private static String resolve(Map<String, String> mergedInto, String customer) {
        String c = customer;
        for (int hops = 0; mergedInto.containsKey(c) && hops < 1000; hops++) {
            c = mergedInto.get(c);
        }
        return c;
    }

    private ProfileStore.EventRow row(String customer, CloudEvent e) {
        BigDecimal amount = null;
        String category = null;
        EventType type = EventType.parse(e.type()).orElse(null);
        if (type == EventType.PURCHASE) {
            Purchase p = e.data(Purchase.class);
            amount = p.amount();
            category = categoryOf(p.lines().isEmpty() ? null : p.lines().getFirst().productId());
        } else if (type == EventType.REFUND) {
            amount = e.data(Refund.class).amount();
        } else if (type == EventType.PRODUCT_VIEW) {
            ProductView v = e.data(ProductView.class);
            category = v.category() != null ? v.category() : categoryOf(v.productId());
        }
        return new ProfileStore.EventRow(customer, e.id(), e.time(), e.type(), e.channel(), amount, category, e.subject());
    }

    private String categoryOf(String productId) {
        PortraitUpdater.ProductInfo info = productId == null ? null : updater.catalog().apply(productId);
        return info == null ? null : info.category();
    }
}
