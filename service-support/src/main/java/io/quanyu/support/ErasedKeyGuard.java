package io.quanyu.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/**
 * The erased-key guard a service keeps so that a replay of old events cannot bring an erased customer back: digests
 * (hex SHA-256) of erased keys with their erasure time in the service's {@code erased_key} table, and an advisory
 * lock that orders an erasure against the writes it guards. A write takes the lock shared and an erasure exclusively,
 * so a write either commits before the erasure (whose deletes then see its rows) or starts after it (and sees the
 * digests): none slips in between.
 *
 * @param lock the advisory lock id, distinct per service since services may share one database
 */
public record ErasedKeyGuard(int lock) {

    /** The digest of a key as SQL computes it from {@code column}: hex SHA-256 of its UTF-8 bytes. */
    public static String digestOf(String column) {
        return "encode(sha256(convert_to(" + column + ", 'UTF8')), 'hex')";
    }

    /** A condition that holds unless {@code keyColumn} was erased at or after {@code timeColumn}. */
    public static String notErasedSince(String keyColumn, String timeColumn) {
        return "NOT EXISTS (SELECT 1 FROM erased_key e WHERE e.key_digest = " + digestOf(keyColumn) + " AND e.erased_at >= " + timeColumn + ")";
    }

    /** Before a guarded write, in its transaction: waits for an erasure being committed. */
    public void beforeWrite(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock_shared(?)")) {
            ps.setInt(1, lock);
            ps.executeQuery().close();
        }
    }

    /** Records the keys as erased at {@code at} (never moving a time back), in the erasure's transaction, after in-flight writes. */
    public void record(Connection c, Collection<String> keys, Instant at) throws SQLException {
        try (PreparedStatement l = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            l.setInt(1, lock);
            l.executeQuery().close();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO erased_key (key_digest, erased_at) SELECT DISTINCT " + digestOf("k")
                + ", ?::timestamptz FROM unnest(?::text[]) k"
                + " ON CONFLICT (key_digest) DO UPDATE SET erased_at = GREATEST(erased_key.erased_at, excluded.erased_at)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("text", keys.toArray()));
            ps.executeUpdate();
        }
    }
}
