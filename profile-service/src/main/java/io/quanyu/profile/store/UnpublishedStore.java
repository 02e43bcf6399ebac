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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Which customers' portraits are committed but not yet acknowledged on profile.updates.v1 (the portraits' own outbox). */
@ApplicationScoped
public class UnpublishedStore {

    private final DataSource dataSource;

    public UnpublishedStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Marks customers in the batch's transaction; a later mark replaces an earlier one. */
    public void mark(Connection c, Collection<String> customers, Instant at) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO unpublished_portrait (customer_id, marked_at) SELECT id, ? FROM unnest(?::text[]) id
                ON CONFLICT (customer_id) DO UPDATE SET marked_at = GREATEST(unpublished_portrait.marked_at, excluded.marked_at)""")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setArray(2, c.createArrayOf("text", customers.toArray()));
            ps.executeUpdate();
        }
    }

    /** Clears marks made at or before {@code upTo}: a customer marked again by a later batch stays marked. */
    public void clear(Collection<String> customers, Instant upTo) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM unpublished_portrait WHERE customer_id = ANY(?) AND marked_at <= ?")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            ps.setTimestamp(2, Timestamp.from(upTo));
            ps.executeUpdate();
        }
    }

    /** Up to {@code limit} customers marked before {@code before}, oldest first, with their marks. */
    public Map<String, Instant> olderThan(Instant before, int limit) throws SQLException {
        Map<String, Instant> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id, marked_at FROM unpublished_portrait WHERE marked_at < ? ORDER BY marked_at LIMIT ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return out;
    }

    /** How many are waiting: a gauge for operators. */
    public long waiting() throws SQLException {
        try (Connection c = dataSource.getConnection(); ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM unpublished_portrait")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static List<String> ids(Map<String, Instant> marks) {
        return new ArrayList<>(marks.keySet());
    }
}
