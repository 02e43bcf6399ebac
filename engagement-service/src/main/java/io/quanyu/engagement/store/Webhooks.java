package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The channels' webhooks as admins define them, and their deliveries as the back office reads and redrives them. */
@ApplicationScoped
public class Webhooks {

    /** A webhook with when it was defined (actions decided before that are not sent to it) and last changed. */
    public record Stored(Webhook webhook, Instant createdAt, Instant updatedAt) {
    }

    /** One delivery of an action to its channel's webhook, as it stands. */
    public record Delivery(UUID deliveryId, String actionId, String channel, String state, int attempts, Instant nextAttemptAt,
                           Integer lastStatus, String lastError, Instant createdAt, Instant updatedAt, Instant deliveredAt) {
    }

    /** What a redrive found. */
    public enum Redrive {
        REDRIVEN, NOT_FOUND, NOT_DEAD
    }

    private static final String DELIVERY_COLUMNS = "delivery_id, action_id, channel, state, attempts, next_attempt_at, last_status, "
            + "last_error, created_at, updated_at, delivered_at";

    private final DataSource dataSource;

    public Webhooks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates (true) or replaces (false) a channel's webhook; a replaced one keeps its creation time and enqueue cursor. */
    public boolean save(Webhook w, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO webhook (channel, url, secret, active, max_attempts, created_at, updated_at, enqueued_through)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (channel) DO UPDATE SET url = excluded.url, secret = excluded.secret, active = excluded.active,
                    max_attempts = excluded.max_attempts, updated_at = excluded.updated_at
                RETURNING (xmax = 0)""")) {
            s.setString(1, w.channel());
            s.setString(2, w.url());
            s.setString(3, w.secret());
            s.setBoolean(4, w.active());
            s.setInt(5, w.maxAttempts());
            Timestamp t = Timestamp.from(now);
            s.setTimestamp(6, t);
            s.setTimestamp(7, t);
            s.setTimestamp(8, t);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every webhook, or only the active ones (the deliverer's round). */
    public List<Stored> list(boolean activeOnly) throws SQLException {
        List<Stored> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT channel, url, secret, active, max_attempts, created_at, updated_at FROM webhook"
                        + (activeOnly ? " WHERE active" : "") + " ORDER BY channel");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Stored(new Webhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getInt(5)),
                        rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()));
            }
        }
        return out;
    }

    /**
     * Removes a channel's webhook; false when there is none. Its pending deliveries become dead ("webhook deleted"), so
     * nothing waits for an endpoint that is gone and they can still be redriven once a new webhook is defined.
     */
    public boolean delete(String channel, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement d = c.prepareStatement("DELETE FROM webhook WHERE channel = ?");
                 PreparedStatement u = c.prepareStatement("""
                         UPDATE webhook_delivery SET state = 'dead', last_error = 'webhook deleted', updated_at = ?
                         WHERE channel = ? AND state = 'pending'""")) {
                d.setString(1, channel);
                if (d.executeUpdate() == 0) {
                    c.rollback();
                    return false;
                }
                u.setTimestamp(1, Timestamp.from(now));
                u.setString(2, channel);
                u.executeUpdate();
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deliveries in a state (any when null), of a channel (any when null), most recently changed first. */
    public List<Delivery> deliveries(String state, String channel, int limit) throws SQLException {
        List<Delivery> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT " + DELIVERY_COLUMNS
                + " FROM webhook_delivery WHERE (?::text IS NULL OR state = ?) AND (?::text IS NULL OR channel = ?)"
                + " ORDER BY updated_at DESC, delivery_id LIMIT ?")) {
            s.setString(1, state);
            s.setString(2, state);
            s.setString(3, channel);
            s.setString(4, channel);
            s.setInt(5, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(delivery(rs));
                }
            }
        }
        return out;
    }

    public Optional<Delivery> delivery(UUID id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_delivery WHERE delivery_id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(delivery(rs)) : Optional.empty();
            }
        }
    }

    /** Sends a dead delivery again from its first attempt (after the receiver was fixed); only dead ones. */
    public Redrive redrive(UUID id, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE webhook_delivery SET state = 'pending', attempts = 0, next_attempt_at = ?, updated_at = ?
                WHERE delivery_id = ? AND state = 'dead'""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setTimestamp(2, Timestamp.from(now));
            s.setObject(3, id);
            if (s.executeUpdate() == 1) {
                return Redrive.REDRIVEN;
            }
        }
        return delivery(id).isPresent() ? Redrive.NOT_DEAD : Redrive.NOT_FOUND;
    }

    private static Delivery delivery(ResultSet rs) throws SQLException {
        Timestamp delivered = rs.getTimestamp(11);
        return new Delivery(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getTimestamp(6).toInstant(), (Integer) rs.getObject(7), rs.getString(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), delivered == null ? null : delivered.toInstant());
    }
}
