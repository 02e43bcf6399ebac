package io.quanyu.forecast.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The durable debounce queue of SKUs whose history or stock changed (table dirty_sku, filled by {@link DemandStore}):
 * any instance may claim a SKU for a while, and a SKU changed again while it was being recomputed stays queued.
 */
@ApplicationScoped
public class RecomputeQueue {

    /** A SKU taken from the queue: {@code claimedAt} is when, {@code touchedAt} its last change as read then. */
    public record Claimed(String sku, Instant firstTouchedAt, Instant touchedAt, Instant claimedAt) {
    }

    private final DataSource dataSource;

    public RecomputeQueue(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Claims up to {@code limit} queued SKUs whose first change is at least the debounce old and that no instance holds,
     * until {@code claimUntil}; oldest changes first.
     */
    public List<Claimed> claim(int limit, Instant now, Instant changedBefore, Instant claimUntil) throws SQLException {
        List<Claimed> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE dirty_sku SET claimed_until = ? WHERE sku IN (
                  SELECT sku FROM dirty_sku WHERE (claimed_until IS NULL OR claimed_until < ?) AND first_touched_at <= ?
                  ORDER BY first_touched_at LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING sku, first_touched_at, touched_at""")) {
            ps.setTimestamp(1, Timestamp.from(claimUntil));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(changedBefore));
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Claimed(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), now));
                }
            }
        }
        return out;
    }

    /**
     * Takes a recomputed SKU off the queue, unless it changed after it was claimed: then it stays queued, waiting since
     * the claim (the earliest its unseen change can be).
     */
    public void done(Claimed claimed) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            int deleted;
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM dirty_sku WHERE sku = ? AND touched_at = ?")) {
                ps.setString(1, claimed.sku());
                ps.setTimestamp(2, Timestamp.from(claimed.touchedAt()));
                deleted = ps.executeUpdate();
            }
            if (deleted == 0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE dirty_sku SET claimed_until = NULL, first_touched_at = ? WHERE sku = ?")) {
                    ps.setTimestamp(1, Timestamp.from(claimed.claimedAt()));
                    ps.setString(2, claimed.sku());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Queues every SKU whose forecasts start before {@code currentWeek}: a week has closed since. Returns how many. */
    public int queueForecastsBefore(LocalDate currentWeek, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dirty_sku (sku, first_touched_at, touched_at)
                SELECT DISTINCT sku, ?::timestamptz, ?::timestamptz FROM forecast WHERE origin_week < ?
                ON CONFLICT DO NOTHING""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setDate(3, Date.valueOf(currentWeek));
            return ps.executeUpdate();
        }
    }
}
