package io.quanyu.profile.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Erasure: deletes every row about a customer in every table, and keeps only SHA-256 digests of its keys with
 * the erasure time, so a replay of older events cannot rebuild the portrait.
 */
@ApplicationScoped
public class ErasureStore {

    /** Tables holding rows about a customer, with the column naming it. Export reads the same list. */
    public static final List<String[]> CUSTOMER_TABLES = List.of(
            new String[] {"profile", "customer_id"}, new String[] {"identity", "customer_id"},
            new String[] {"customer_event", "customer_id"}, new String[] {"segment_member", "customer_id"},
            new String[] {"identity_hint", "customer_id"}, new String[] {"identity_conflict", "customer_id"});

    /** Deletes the customer everywhere; returns the keys it had. */
    public List<String> erase(Connection c, String customerId, Instant at) throws SQLException {
        anyErased = true;
        List<String> keys = ProfileStore.strings(c, "SELECT key FROM identity WHERE customer_id = ? ORDER BY key FOR UPDATE", customerId);
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM profile WHERE customer_id = ? FOR UPDATE")) {
            ps.setString(1, customerId);
            ps.executeQuery().close();
        }
        for (String[] table : CUSTOMER_TABLES) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table[0] + " WHERE " + table[1] + " = ?")) {
                ps.setString(1, customerId);
                ps.executeUpdate();
            }
        }
        // A conflict names both customers: the other side's row goes too.
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM identity_conflict WHERE other_customer_id = ?")) {
            ps.setString(1, customerId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO erased_key (key_digest, erased_at) VALUES (?, ?)
                ON CONFLICT (key_digest) DO UPDATE SET erased_at = excluded.erased_at""")) {
            for (String key : keys) {
                ps.setString(1, digest(key));
                ps.setTimestamp(2, Timestamp.from(at));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return keys;
    }

    /** Whether any customer was ever erased, re-checked every few seconds: the common case skips hashing and a query. */
    private volatile boolean anyErased = true;
    private volatile long checkedAt;

    /** Erasure times of those of {@code keys} that belonged to an erased customer. */
    public Map<String, Instant> erasedAmong(Connection c, Collection<String> keys) throws SQLException {
        if (System.nanoTime() - checkedAt > 5_000_000_000L) {
            try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM erased_key)"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                anyErased = rs.getBoolean(1);
                checkedAt = System.nanoTime();
            }
        }
        if (!anyErased) {
            return Map.of();
        }
        Map<String, String> byDigest = new HashMap<>();
        keys.forEach(k -> byDigest.put(digest(k), k));
        Map<String, Instant> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_digest, erased_at FROM erased_key WHERE key_digest = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", byDigest.keySet().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(byDigest.get(rs.getString(1)), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return out;
    }

    static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
