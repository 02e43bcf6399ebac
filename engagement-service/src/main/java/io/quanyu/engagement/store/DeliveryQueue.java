package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.DeliveryPolicy;
import io.quanyu.events.EngagementAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The webhook delivery queue: actions become deliveries (once per action and channel, by the unique key, whatever the
 * number of instances), due deliveries are claimed with SKIP LOCKED in a statement of their own, and each attempt's
 * result is written in another; no transaction is open while a request is in flight.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** A claimed delivery: the attempt it is (1 = first) and the action to send. */
    public record Claimed(UUID deliveryId, String channel, int attempt, EngagementAction action) {
    }

    private final DataSource dataSource;

    public DeliveryQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Writes a delivery for up to {@code batch} actions of channels with an active webhook, decided at or after the
     * webhook was created and not delivered yet; returns how many. When the batch was not full every such action has
     * its delivery, and the webhooks' cursors move to {@code now}: the next round reads actions from
     * {@code now - margin} on (an action carries the time it was decided and is committed a little later).
     */
    public int enqueue(Instant now, Duration margin, int batch) throws SQLException {
        Timestamp t = Timestamp.from(now);
        try (Connection c = dataSource.getConnection()) {
            int inserted;
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO webhook_delivery (action_id, channel, next_attempt_at, created_at, updated_at)
                    SELECT a.action_id, a.channel, ?, ?, ? FROM webhook w
                    JOIN engagement_action a ON a.channel = w.channel AND a.at >= w.created_at AND a.at >= w.enqueued_through - ?::interval
                    WHERE w.active AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.action_id = a.action_id AND d.channel = a.channel)
                    ORDER BY a.at LIMIT ?
                    ON CONFLICT (action_id, channel) DO NOTHING""")) {
                s.setTimestamp(1, t);
                s.setTimestamp(2, t);
                s.setTimestamp(3, t);
                s.setString(4, margin.toMillis() + " milliseconds");
                s.setInt(5, batch);
                inserted = s.executeUpdate();
            }
            if (inserted < batch) {
                try (PreparedStatement u = c.prepareStatement("UPDATE webhook SET enqueued_through = greatest(enqueued_through, ?) WHERE active")) {
                    u.setTimestamp(1, t);
                    u.executeUpdate();
                }
            }
            return inserted;
        }
    }

    /**
     * Claims up to {@code limit} due deliveries of a channel: each gets its attempt counted and is hidden from other
     * claims until {@code leaseUntil} (longer than a request can take), so an instance that dies mid-request leaves it
     * to be tried again once the lease is over.
     */
    public List<Claimed> claim(String channel, int limit, Instant now, Instant leaseUntil) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                WITH due AS (
                    SELECT delivery_id FROM webhook_delivery WHERE channel = ? AND state = 'pending' AND next_attempt_at <= ?
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED),
                claimed AS (
                    UPDATE webhook_delivery d SET attempts = d.attempts + 1, next_attempt_at = ?, updated_at = ?
                    FROM due WHERE d.delivery_id = due.delivery_id RETURNING d.delivery_id, d.action_id, d.attempts)
                SELECT claimed.delivery_id, claimed.attempts, a.record FROM claimed JOIN engagement_action a ON a.action_id = claimed.action_id""")) {
            s.setString(1, channel);
            s.setTimestamp(2, Timestamp.from(now));
            s.setInt(3, limit);
            s.setTimestamp(4, Timestamp.from(leaseUntil));
            s.setTimestamp(5, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getObject(1, UUID.class), channel, rs.getInt(2), Definitions.read(rs.getString(3), EngagementAction.class)));
                }
            }
        }
        return out;
    }

    /**
     * Writes what an attempt came to. False when the delivery was claimed again meanwhile (this attempt's lease ran out)
     * or is no longer pending (its webhook was deleted): the later state stands.
     */
    public boolean record(Claimed claimed, DeliveryPolicy.Decision d, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                UPDATE webhook_delivery SET state = ?, next_attempt_at = ?, last_status = ?, last_error = ?, delivered_at = ?, updated_at = ?
                WHERE delivery_id = ? AND attempts = ? AND state = 'pending'""")) {
            s.setString(1, switch (d.outcome()) {
                case DELIVERED -> "delivered";
                case RETRIED -> "pending";
                case DEAD -> "dead";
            });
            s.setTimestamp(2, Timestamp.from(d.retryIn() == null ? now : now.plus(d.retryIn())));
            s.setObject(3, d.status(), Types.INTEGER);
            s.setString(4, d.error() == null ? null : d.error().length() > 500 ? d.error().substring(0, 500) + "…" : d.error());
            s.setTimestamp(5, d.outcome() == DeliveryPolicy.Outcome.DELIVERED ? Timestamp.from(now) : null);
            s.setTimestamp(6, Timestamp.from(now));
            s.setObject(7, claimed.deliveryId());
            s.setInt(8, claimed.attempt());
            return s.executeUpdate() == 1;
        }
    }

    /** Pending deliveries per channel (channels without any are absent). */
    public Map<String, Long> pending() throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT channel, count(*) FROM webhook_delivery WHERE state = 'pending' GROUP BY channel");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }
}
