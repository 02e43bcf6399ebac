package io.quanyu.profile.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Identity claims the graph did not take: unverified hints and refused links (conflicts), in PostgreSQL. */
@ApplicationScoped
public class ClaimStore {

    /** A strong key an unverified source linked to a customer. */
    public record Hint(String key, String customerId, String channel, Instant at) {
    }

    /** A link refused because it would have joined {@code customerId} and {@code otherCustomerId}. */
    public record Conflict(long id, String customerId, String otherCustomerId, String key, String reason, String channel, String eventId,
                           Instant at) {
    }

    /** Which customers hold each of {@code keys} as a hint. */
    public Map<String, Set<String>> hintedBy(Connection c, Collection<String> keys) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, customer_id FROM identity_hint WHERE key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Stores hints (a repeated one moves its last time) and conflicts. */
    public void record(Connection c, List<Hint> hints, List<Conflict> conflicts) throws SQLException {
        if (!hints.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO identity_hint (key, customer_id, channel, first_at, last_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (key, customer_id) DO UPDATE SET last_at = GREATEST(identity_hint.last_at, excluded.last_at),
                        first_at = LEAST(identity_hint.first_at, excluded.first_at)""")) {
                for (Hint h : hints) {
                    ps.setString(1, h.key());
                    ps.setString(2, h.customerId());
                    ps.setString(3, h.channel());
                    ps.setTimestamp(4, Timestamp.from(h.at()));
                    ps.setTimestamp(5, Timestamp.from(h.at()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!conflicts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO identity_conflict (customer_id, other_customer_id, key, reason, channel, event_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (Conflict x : conflicts) {
                    ps.setString(1, x.customerId());
                    ps.setString(2, x.otherCustomerId());
                    ps.setString(3, x.key());
                    ps.setString(4, x.reason());
                    ps.setString(5, x.channel());
                    ps.setString(6, x.eventId());
                    ps.setTimestamp(7, Timestamp.from(x.at()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /** Moves the claims of merged customers to the customer each was merged into. */
    public void repoint(Connection c, Map<String, String> mergedInto) throws SQLException {
        if (mergedInto.isEmpty()) {
            return;
        }
        List<String> from = new ArrayList<>(mergedInto.keySet());
        Object[] into = from.stream().map(mergedInto::get).toArray();
        // A hint both customers held becomes one row of the survivor.
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO identity_hint (key, customer_id, channel, first_at, last_at)
                SELECT h.key, m.t, h.channel, h.first_at, h.last_at FROM identity_hint h JOIN unnest(?::text[], ?::text[]) AS m(f, t) ON h.customer_id = m.f
                ON CONFLICT (key, customer_id) DO UPDATE SET last_at = GREATEST(identity_hint.last_at, excluded.last_at)""")) {
            ps.setArray(1, c.createArrayOf("text", from.toArray()));
            ps.setArray(2, c.createArrayOf("text", into));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM identity_hint WHERE customer_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", from.toArray()));
            ps.executeUpdate();
        }
        for (String column : List.of("customer_id", "other_customer_id")) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE identity_conflict t SET " + column + " = m.t FROM unnest(?::text[], ?::text[]) AS m(f, t)"
                    + " WHERE t." + column + " = m.f")) {
                ps.setArray(1, c.createArrayOf("text", from.toArray()));
                ps.setArray(2, c.createArrayOf("text", into));
                ps.executeUpdate();
            }
        }
    }

    /** The hints of a customer. */
    public List<Hint> hintsOf(Connection c, String customerId) throws SQLException {
        List<Hint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key, customer_id, channel, last_at FROM identity_hint WHERE customer_id = ? ORDER BY key")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Hint(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
                }
            }
        }
        return out;
    }

    /** The newest conflicts, of one customer (on either side) or of everyone, newest first. */
    public List<Conflict> conflicts(Connection c, String customerId, int limit) throws SQLException {
        String where = customerId == null ? "" : " WHERE customer_id = ? OR other_customer_id = ?";
        List<Conflict> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_id, other_customer_id, key, reason, channel, event_id, at FROM identity_conflict"
                + where + " ORDER BY id DESC LIMIT ?")) {
            int i = 1;
            if (customerId != null) {
                ps.setString(i++, customerId);
                ps.setString(i++, customerId);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant()));
                }
            }
        }
        return out;
    }
}
