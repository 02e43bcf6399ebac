package io.quanyu.profile.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quanyu.events.Json;
import io.quanyu.profile.domain.Portrait;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The portraits and the identity graph in PostgreSQL. Every statement handles a whole batch (arrays and
 * {@code unnest}), and the locking reads take rows in key order so concurrent batches cannot deadlock on order.
 */
@ApplicationScoped
public class ProfileStore {

    /** A row of the compact event history. */
    public record EventRow(String customerId, String eventId, java.time.Instant at, String type, String channel,
                           java.math.BigDecimal amount, String category, String subject) {
    }

    /** Customers of the keys that have one, locked until the transaction ends. */
    public Map<String, String> lockIdentities(Connection c, Collection<String> keys) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT key, customer_id FROM identity WHERE key = ANY(?) ORDER BY key FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** The portraits of the customers that have one, locked until the transaction ends. */
    public Map<String, Portrait> lockProfiles(Connection c, Collection<String> customers) throws SQLException {
        Map<String, Portrait> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id, portrait FROM profile WHERE customer_id = ANY(?) ORDER BY customer_id FOR UPDATE")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), parse(rs.getString(2)));
                }
            }
        }
        return out;
    }

    /**
     * Adds keys seen for the first time. False when another transaction added one of them since this one looked:
     * the batch must then be applied again, now seeing that key's customer (which it may have to merge).
     */
    public boolean insertNewKeys(Connection c, Map<String, String> keyToCustomer) throws SQLException {
        if (keyToCustomer.isEmpty()) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO identity (key, customer_id) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT (key) DO NOTHING""")) {
            List<String> keys = new ArrayList<>(keyToCustomer.keySet());
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            ps.setArray(2, c.createArrayOf("text", keys.stream().map(keyToCustomer::get).toArray()));
            return ps.executeUpdate() == keys.size();
        }
    }

    /**
     * Moves everything of merged customers to the customer each was merged into ({@code from -> into}, targets
     * already final), in one statement per table whatever the number of merges.
     */
    public void repoint(Connection c, Map<String, String> mergedInto) throws SQLException {
        if (mergedInto.isEmpty()) {
            return;
        }
        List<String> from = new ArrayList<>(mergedInto.keySet());
        Object[] into = from.stream().map(mergedInto::get).toArray();
        for (String table : List.of("identity", "customer_event")) {
            // Event ids are unique per customer and customers are disjoint, so no moved row can collide.
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " t SET customer_id = m.t FROM unnest(?::text[], ?::text[]) AS m(f, t)"
                    + " WHERE t.customer_id = m.f")) {
                ps.setArray(1, c.createArrayOf("text", from.toArray()));
                ps.setArray(2, c.createArrayOf("text", into));
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM segment_member WHERE customer_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", from.toArray()));
            ps.executeUpdate();
        }
        deleteProfiles(c, from);
    }

    public void saveProfiles(Connection c, Collection<Portrait> portraits) throws SQLException {
        if (portraits.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO profile (customer_id, user_id, portrait, updated_at)
                SELECT id, u, p::jsonb, now() FROM unnest(?::text[], ?::text[], ?::text[]) AS x(id, u, p)
                ON CONFLICT (customer_id) DO UPDATE SET user_id = excluded.user_id, portrait = excluded.portrait, updated_at = now()""")) {
            ps.setArray(1, c.createArrayOf("text", portraits.stream().map(p -> p.customerId).toArray()));
            ps.setArray(2, c.createArrayOf("text", portraits.stream().map(p -> p.userId).toArray()));
            ps.setArray(3, c.createArrayOf("text", portraits.stream().map(ProfileStore::json).toArray()));
            ps.executeUpdate();
        }
    }

    public void deleteProfiles(Connection c, Collection<String> customers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM profile WHERE customer_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            ps.executeUpdate();
        }
    }

    public void insertEvents(Connection c, List<EventRow> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO customer_event (customer_id, event_id, at, type, channel, amount, category, subject)
                SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::numeric[], ?::text[], ?::text[])
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(EventRow::customerId).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(EventRow::eventId).toArray()));
            ps.setArray(3, c.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.at())).toArray()));
            ps.setArray(4, c.createArrayOf("text", rows.stream().map(EventRow::type).toArray()));
            ps.setArray(5, c.createArrayOf("text", rows.stream().map(EventRow::channel).toArray()));
            ps.setArray(6, c.createArrayOf("numeric", rows.stream().map(EventRow::amount).toArray()));
            ps.setArray(7, c.createArrayOf("text", rows.stream().map(EventRow::category).toArray()));
            ps.setArray(8, c.createArrayOf("text", rows.stream().map(EventRow::subject).toArray()));
            ps.executeUpdate();
        }
    }

    /** The customer a key belongs to. */
    public Optional<String> customerOf(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM identity WHERE key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The customer of a user id or key; a bare id is tried as a user id first, then as an anonymous id. */
    public Optional<String> resolve(Connection c, String id) throws SQLException {
        List<String> candidates = id.startsWith("u:") || id.startsWith("a:") ? List.of(id) : List.of("u:" + id, "a:" + id);
        for (String key : candidates) {
            Optional<String> customer = customerOf(c, key);
            if (customer.isPresent()) {
                return customer;
            }
        }
        return Optional.empty();
    }

    public Optional<Portrait> find(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT portrait FROM profile WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(parse(rs.getString(1))) : Optional.empty();
            }
        }
    }

    /** The keys of each customer. */
    public Map<String, List<String>> keysOfAll(Connection c, Collection<String> customers) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, key FROM identity WHERE customer_id = ANY(?) ORDER BY key")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    public List<String> keysOf(Connection c, String customerId) throws SQLException {
        return strings(c, "SELECT key FROM identity WHERE customer_id = ? ORDER BY key", customerId);
    }

    public List<String> segmentsOf(Connection c, String customerId) throws SQLException {
        return strings(c, "SELECT segment_id FROM segment_member WHERE customer_id = ? ORDER BY segment_id", customerId);
    }

    /** Model scores of a customer: propensity and churn risk (either may be null). */
    public Double[] scoresOf(Connection c, String customerId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT propensity, churn_risk FROM profile WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return new Double[] {null, null};
                }
                return new Double[] {(Double) rs.getObject(1), (Double) rs.getObject(2)};
            }
        }
    }

    /** The keys of a customer, locked until the transaction ends. */
    public List<String> lockKeysOf(Connection c, String customerId) throws SQLException {
        return strings(c, "SELECT key FROM identity WHERE customer_id = ? ORDER BY key FOR UPDATE", customerId);
    }

    /** The history of a customer with the key each row arrived under (null for rows older than that column). */
    public List<EventRow> historyOf(Connection c, String customerId) throws SQLException {
        List<EventRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, at, type, channel, amount, category, subject FROM customer_event WHERE customer_id = ? ORDER BY at")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EventRow(customerId, rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                            rs.getBigDecimal(5), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** Moves keys from {@code from} to {@code into} (a new customer), with the history rows that arrived under them. */
    public void split(Connection c, String from, Collection<String> movedKeys, String into) throws SQLException {
        Object[] moved = movedKeys.toArray();
        for (String sql : List.of("UPDATE customer_event SET customer_id = ? WHERE customer_id = ? AND subject = ANY(?)",
                "UPDATE identity SET customer_id = ?, linked_at = now() WHERE customer_id = ? AND key = ANY(?)")) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, into);
                ps.setString(2, from);
                ps.setArray(3, c.createArrayOf("text", moved));
                ps.executeUpdate();
            }
        }
    }

    static List<String> strings(Connection c, String sql, String arg) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    public static Portrait parse(String json) {
        try {
            return Json.MAPPER.readValue(json, Portrait.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored portrait is not readable: " + e.getOriginalMessage(), e);
        }
    }

    static String json(Portrait p) {
        try {
            return Json.MAPPER.writeValueAsString(p);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
