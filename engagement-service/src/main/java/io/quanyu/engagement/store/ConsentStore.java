package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Text;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.sql.DataSource;

/** Which channels a customer opted out of; the latest setting per channel wins, whether from identify traits or the admin API. */
@ApplicationScoped
public class ConsentStore {

    private final DataSource dataSource;

    public ConsentStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The channels the customer opted out of. */
    public List<String> optedOut(String customerKey) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT channel FROM consent WHERE customer_key = ? AND opted_out ORDER BY channel")) {
            s.setString(1, customerKey);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** Sets every channel from the admin API at once, now. */
    public void put(String customerKey, List<String> optedOut) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Guard.GUARD.beforeWrite(c);
            set(c, customerKey, optedOut::contains, "admin", Instant.now());
            c.commit();
        }
    }

    /** Sets each action channel opted out or in as of {@code at}, unless a later setting is stored; returns rows changed. */
    static int set(Connection c, String customerKey, Predicate<String> optedOut, String source, Instant at) throws SQLException {
        return set(c, customerKey, optedOut, source, at, true);
    }

    /**
     * As {@link #set(Connection, String, Predicate, String, Instant)}; with {@code mayOptIn} false only opt-outs are
     * written: a source that cannot prove who the customer is may withdraw consent, never give it back.
     */
    static int set(Connection c, String customerKey, Predicate<String> optedOut, String source, Instant at, boolean mayOptIn) throws SQLException {
        int n = 0;
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO consent (customer_key, channel, opted_out, source, at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (customer_key, channel) DO UPDATE SET opted_out = excluded.opted_out, source = excluded.source, at = excluded.at
                WHERE consent.at <= excluded.at""")) {
            for (String channel : Text.CHANNELS) {
                if (!mayOptIn && !optedOut.test(channel)) {
                    continue;
                }
                s.setString(1, customerKey);
                s.setString(2, channel);
                s.setBoolean(3, optedOut.test(channel));
                s.setString(4, source);
                s.setTimestamp(5, Timestamp.from(at));
                n += s.executeUpdate();
            }
        }
        return n;
    }

    /** Whether the customer (any of its keys, the latest setting winning) opted out of the channel, in the caller's transaction. */
    static boolean optedOut(Connection c, List<String> keys, String channel) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT opted_out FROM consent WHERE customer_key = ANY (?) AND channel = ? ORDER BY at DESC, opted_out DESC LIMIT 1")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setString(2, channel);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}
