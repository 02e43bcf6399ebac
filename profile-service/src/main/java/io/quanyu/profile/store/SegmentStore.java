package io.quanyu.profile.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Segment definitions and memberships. */
@ApplicationScoped
public class SegmentStore {

    /** A segment as stored. */
    public record Segment(String id, String name, String kind, JsonNode definition, String description, Instant createdAt, long members) {
    }

    private final DataSource dataSource;

    public SegmentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<Segment> all() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.name, s.kind, s.definition, s.description, s.created_at,
                       (SELECT count(*) FROM segment_member m WHERE m.segment_id = s.id)
                FROM segment s ORDER BY s.kind DESC, s.id""")) {
            return read(ps);
        }
    }

    public Optional<Segment> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT s.id, s.name, s.kind, s.definition, s.description, s.created_at,
                       (SELECT count(*) FROM segment_member m WHERE m.segment_id = s.id)
                FROM segment s WHERE s.id = ?""")) {
            ps.setString(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Inserts a segment; false when the id is taken. */
    public boolean create(Connection c, String id, String name, String kind, JsonNode definition, String description) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO segment (id, name, kind, definition, description) VALUES (?, ?, ?, ?::jsonb, ?) ON CONFLICT (id) DO NOTHING""")) {
            ps.setString(1, id);
            ps.setString(2, name);
            ps.setString(3, kind);
            ps.setString(4, definition == null ? null : definition.toString());
            ps.setString(5, description);
            return ps.executeUpdate() == 1;
        }
    }

    public List<String> members(String id, int offset, int limit) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT customer_id FROM segment_member WHERE segment_id = ? ORDER BY customer_id OFFSET ? LIMIT ?")) {
            ps.setString(1, id);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Replaces the rule-segment memberships of {@code customers} with {@code memberships} (segment, customer pairs). */
    public void replaceRuleMemberships(Connection c, Collection<String> customers, List<String[]> memberships) throws SQLException {
        if (customers.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM segment_member m USING segment s
                WHERE m.segment_id = s.id AND s.kind = 'rule' AND m.customer_id = ANY(?)
                  AND NOT (m.segment_id, m.customer_id) IN (SELECT * FROM unnest(?::text[], ?::text[]))""")) {
            ps.setArray(1, c.createArrayOf("text", customers.toArray()));
            ps.setArray(2, c.createArrayOf("text", memberships.stream().map(m -> m[0]).toArray()));
            ps.setArray(3, c.createArrayOf("text", memberships.stream().map(m -> m[1]).toArray()));
            ps.executeUpdate();
        }
        insertMembers(c, memberships);
    }

    /** Adds memberships that are not there yet (keeping their original {@code since}). */
    public void insertMembers(Connection c, List<String[]> memberships) throws SQLException {
        if (memberships.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO segment_member (segment_id, customer_id) SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, c.createArrayOf("text", memberships.stream().map(m -> m[0]).toArray()));
            ps.setArray(2, c.createArrayOf("text", memberships.stream().map(m -> m[1]).toArray()));
            ps.executeUpdate();
        }
    }

    private static List<Segment> read(PreparedStatement ps) throws SQLException {
        List<Segment> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String def = rs.getString(4);
                Timestamp created = rs.getTimestamp(6);
                out.add(new Segment(rs.getString(1), rs.getString(2), rs.getString(3), def == null ? null : parse(def), rs.getString(5),
                        created.toInstant(), rs.getLong(7)));
            }
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
