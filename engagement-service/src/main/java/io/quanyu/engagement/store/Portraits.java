package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Portrait;
import io.quanyu.engagement.domain.Text;
import io.quanyu.engagement.domain.Trigger;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.UserKey;
import io.quanyu.support.ErasedKeyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Stores portraits from profile.updates.v1 and recommendations from recommendations.v1. A portrait that enters what a
 * portrait journey waits for (a lifecycle stage, a segment, a propensity above a threshold) starts a trigger, in the
 * same transaction: a replayed or re-read portrait changes nothing, so it starts nothing. A customer first seen counts
 * as entering: a journey defined on an existing base reaches the customers who are in its stage today, within its cap.
 * The portrait of an erased customer id (one read after its tombstone) is not kept.
 */
@ApplicationScoped
public class Portraits {

    private final DataSource dataSource;

    public Portraits(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces the customer's portrait and keys; returns the triggers started. */
    public int upsert(ProfileDigest p, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Guard.GUARD.beforeWrite(c);
                if (erased(c, p.customerId())) {
                    // A portrait published before the erasure but read after it (a race at the profile service, a re-read): not kept.
                    c.rollback();
                    return 0;
                }
                Optional<Portrait> before = current(c, p.customerId());
                Portrait after = new Portrait(p.segments(), p.lifecycle(), p.purchasePropensity(), p.preferredChannel());
                List<String> keys = List.copyOf(new LinkedHashSet<>(p.keys()));
                if (before.isPresent() && before.get().equals(after) && keysOf(c, p.customerId()).equals(new HashSet<>(keys))) {
                    // Read again (every start re-reads the compacted topic): nothing to write, nothing starts.
                    c.rollback();
                    return 0;
                }
                try (PreparedStatement s = c.prepareStatement("""
                        INSERT INTO customer (customer_id, lifecycle, segments, propensity, preferred_channel, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (customer_id) DO UPDATE SET lifecycle = excluded.lifecycle, segments = excluded.segments,
                          propensity = excluded.propensity, preferred_channel = excluded.preferred_channel, updated_at = excluded.updated_at""");
                     PreparedStatement drop = c.prepareStatement("DELETE FROM customer_key WHERE customer_id = ? AND NOT user_key = ANY (?)");
                     PreparedStatement link = c.prepareStatement("""
                        INSERT INTO customer_key (user_key, customer_id) SELECT k, ? FROM unnest(?::text[]) k
                        ON CONFLICT (user_key) DO UPDATE SET customer_id = excluded.customer_id""")) {
                    s.setString(1, p.customerId());
                    s.setString(2, p.lifecycle());
                    s.setArray(3, c.createArrayOf("text", after.segments().toArray()));
                    s.setObject(4, p.purchasePropensity());
                    s.setString(5, p.preferredChannel());
                    s.setTimestamp(6, Timestamp.from(now));
                    s.executeUpdate();
                    drop.setString(1, p.customerId());
                    drop.setArray(2, c.createArrayOf("text", keys.toArray()));
                    drop.executeUpdate();
                    link.setString(1, p.customerId());
                    link.setArray(2, c.createArrayOf("text", keys.toArray()));
                    link.executeUpdate();
                }
                int started = triggers(c, p, before.orElse(null), after, keys, now);
                c.commit();
                return started;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A tombstone: the customer was merged into another (whose portrait brings the keys) or erased. */
    public void removed(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (String sql : List.of("DELETE FROM customer_key WHERE customer_id = ?", "DELETE FROM customer WHERE customer_id = ?",
                    "DELETE FROM recommended WHERE customer_id = ?")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, customerId);
                    s.executeUpdate();
                }
            }
            c.commit();
        }
    }

    public void recommended(String customerId, RecommendationList list) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO recommended (customer_id, items, generated_at) VALUES (?, ?, ?)
                ON CONFLICT (customer_id) DO UPDATE SET items = excluded.items, generated_at = excluded.generated_at
                WHERE recommended.generated_at <= excluded.generated_at""")) {
            s.setString(1, customerId);
            s.setArray(2, c.createArrayOf("text", list.items().stream().map(RecommendationList.Item::itemId).limit(50).toArray()));
            s.setTimestamp(3, Timestamp.from(list.generatedAt()));
            s.executeUpdate();
        }
    }

    public void recommendationsRemoved(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("DELETE FROM recommended WHERE customer_id = ?")) {
            s.setString(1, customerId);
            s.executeUpdate();
        }
    }

    private static boolean erased(Connection c, String customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM erased_key WHERE key_digest = " + ErasedKeyGuard.digestOf("?::text"))) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Set<String> keysOf(Connection c, String customerId) throws SQLException {
        Set<String> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT user_key FROM customer_key WHERE customer_id = ?")) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static Optional<Portrait> current(Connection c, String customerId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT segments, lifecycle, propensity, preferred_channel FROM customer WHERE customer_id = ? FOR UPDATE")) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(CustomerLinks.portrait(rs));
            }
        }
    }

    /**
     * One trigger per portrait journey the change fires, on the customer's login key when it has one. Its id names the
     * journey's condition and the day, so a customer re-entering a stage the same day is one trigger.
     */
    private static int triggers(Connection c, ProfileDigest p, Portrait before, Portrait after, List<String> keys, Instant now) throws SQLException {
        List<Journey> fired = Definitions.activePortraitJourneys(c).stream().filter(j -> j.trigger().firedBy(before, after)).toList();
        if (fired.isEmpty() || keys.isEmpty()) {
            return 0;
        }
        String key = p.userId() != null && keys.contains(UserKey.known(p.userId())) ? UserKey.known(p.userId())
                : keys.stream().filter(UserKey::isKnown).findFirst().orElse(keys.getFirst());
        String channel = Text.CHANNELS.contains(p.preferredChannel()) ? p.preferredChannel() : "web";
        String day = LocalDate.ofInstant(now, ZoneOffset.UTC).toString();
        int n = 0;
        for (Journey j : fired) {
            if (!j.triggeredOn(channel)) {
                continue;
            }
            String what = switch (j.trigger().kind()) {
                case Trigger.LIFECYCLE -> j.trigger().lifecycle();
                case Trigger.ENTERED_SEGMENT -> j.trigger().segment();
                default -> String.valueOf(j.trigger().threshold());
            };
            n += EventStore.insertTrigger(c, j, key, "portrait:" + j.trigger().kind() + ":" + what + ":" + p.customerId() + ":" + day,
                    channel, List.of(), now);
        }
        return n;
    }
}
