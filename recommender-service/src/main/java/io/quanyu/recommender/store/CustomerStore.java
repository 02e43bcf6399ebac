package io.quanyu.recommender.store;

import io.quanyu.events.ProfileDigest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Customers as the profile service publishes them (keys, segments, channel), erasure, and the publication mark. */
@ApplicationScoped
public class CustomerStore {

    /** A customer's segments and preferred channel. */
    public record Customer(String customerId, List<String> segments, String preferredChannel) {
    }

    /** What a user key resolves to: its customer (the key itself when unlinked), every key of it, and the customer's data. */
    public record Resolved(String customerId, List<String> keys, List<String> segments, String preferredChannel) {
    }

    private static final int PUBLICATION_LOCK = 0x5245_4331; // "REC1": one publisher at a time across instances

    private final DataSource dataSource;

    public CustomerStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Replaces what is known of a customer: its keys now point at it, wherever they pointed before (a merge). */
    public void upsert(ProfileDigest p) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement customer = c.prepareStatement("""
                    INSERT INTO customer (customer_id, segments, preferred_channel) VALUES (?, ?, ?)
                    ON CONFLICT (customer_id) DO UPDATE SET segments = excluded.segments,
                      preferred_channel = excluded.preferred_channel, updated_at = now()""");
                 PreparedStatement keys = c.prepareStatement("""
                    INSERT INTO customer_key (user_key, customer_id) SELECT k, ? FROM unnest(?::text[]) k
                    ON CONFLICT (user_key) DO UPDATE SET customer_id = excluded.customer_id""")) {
                customer.setString(1, p.customerId());
                customer.setArray(2, c.createArrayOf("text", p.segments().toArray()));
                customer.setString(3, p.preferredChannel());
                customer.executeUpdate();
                keys.setString(1, p.customerId());
                keys.setArray(2, c.createArrayOf("text", p.keys().toArray()));
                keys.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * A tombstone: the customer was merged into another or erased. Its keys are left alone: after a merge they
     * already point at the survivor (whichever record arrives first), and an erasure deletes them itself.
     */
    public void removed(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM customer WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            ps.executeUpdate();
        }
    }

    /** The customer a user key belongs to, if the profile service has linked it. */
    public Optional<String> customerOf(String userKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id FROM customer_key WHERE user_key = ?")) {
            ps.setString(1, userKey);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public Optional<Customer> customer(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT segments, preferred_channel FROM customer WHERE customer_id = ?")) {
            ps.setString(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Customer(customerId, segments(rs, 1), rs.getString(2))) : Optional.empty();
            }
        }
    }

    /** Every linked key with its customer, for training on customers rather than keys. */
    public Map<String, String> keyToCustomer() throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT user_key, customer_id FROM customer_key");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** Every customer's segments. */
    public Map<String, List<String>> segments() throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id, segments FROM customer WHERE cardinality(segments) > 0"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), segments(rs, 2));
            }
        }
        return out;
    }

    /**
     * Deletes every interaction and link of the keys, and the customer, and records the keys as erased now, so that a
     * replay of their older events is not stored again: one transaction. It first waits for a publication of
     * recommendations.v1 in progress, so no list of the customer can follow the tombstones sent after it. Returns
     * rows deleted.
     */
    public int erase(String customerId, List<String> keys) throws SQLException {
        List<String> all = new ArrayList<>(keys);
        all.add(customerId);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement publication = c.prepareStatement("SELECT pg_advisory_xact_lock(?)");
                 PreparedStatement interactions = c.prepareStatement("DELETE FROM interaction WHERE user_key = ANY(?)");
                 PreparedStatement links = c.prepareStatement("DELETE FROM customer_key WHERE user_key = ANY(?) OR customer_id = ?");
                 PreparedStatement customer = c.prepareStatement("DELETE FROM customer WHERE customer_id = ?")) {
                publication.setInt(1, PUBLICATION_LOCK);
                publication.executeQuery().close();
                ErasedKeys.GUARD.record(c, all, Instant.now());
                interactions.setArray(1, c.createArrayOf("text", all.toArray()));
                links.setArray(1, c.createArrayOf("text", all.toArray()));
                links.setString(2, customerId);
                customer.setString(1, customerId);
                int rows = interactions.executeUpdate() + links.executeUpdate() + customer.executeUpdate();
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Work done under the publication mark. */
    public interface Publication {
        /** Publishes what happened in (from, to]; the mark moves to {@code to} only if this returns normally. */
        void publish(Instant from, Instant to) throws Exception;
    }

    /**
     * Runs {@code work} for the window from the stored mark (or {@code firstFrom}) to {@code to}, holding a
     * transaction-scoped advisory lock so that one instance publishes a window; false when another holds it.
     */
    public boolean underPublicationMark(Instant firstFrom, Instant to, Publication work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
                    lock.setInt(1, PUBLICATION_LOCK);
                    try (ResultSet rs = lock.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            c.rollback();
                            return false;
                        }
                    }
                }
                Instant from = firstFrom;
                try (PreparedStatement mark = c.prepareStatement("SELECT published_to FROM publication WHERE id = 1");
                     ResultSet rs = mark.executeQuery()) {
                    if (rs.next()) {
                        from = rs.getTimestamp(1).toInstant();
                    }
                }
                if (!to.isAfter(from)) {
                    c.rollback();
                    return true;
                }
                work.publish(from, to);
                try (PreparedStatement save = c.prepareStatement("""
                        INSERT INTO publication (id, published_to) VALUES (1, ?)
                        ON CONFLICT (id) DO UPDATE SET published_to = excluded.published_to""")) {
                    save.setTimestamp(1, Timestamp.from(to));
                    save.executeUpdate();
                }
                c.commit();
                return true;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A text[] column as a list; empty for NULL. */
    private static List<String> segments(ResultSet rs, int column) throws SQLException {
        java.sql.Array a = rs.getArray(column);
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
