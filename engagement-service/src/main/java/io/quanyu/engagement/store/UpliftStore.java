package io.quanyu.engagement.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A journey's groups as counted from its entries: an entry converted when its customer bought within the attribution
 * window after entering (the same rule for both groups), with the revenue of those purchases.
 */
@ApplicationScoped
public class UpliftStore {

    /** One group's counts. */
    public record Group(long entries, long customers, long conversions, BigDecimal revenue) {
    }

    /** Both groups, and the redemptions of codes the journey granted. */
    public record Counts(Group treated, Group holdout, long redemptions, BigDecimal discount) {
    }

    private final DataSource dataSource;

    public UpliftStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Counts counts(String journeyId, Duration window) throws SQLException {
        Group treated = new Group(0, 0, 0, BigDecimal.ZERO);
        Group holdout = treated;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT e.holdout, count(*), count(DISTINCT e.customer_key), count(*) FILTER (WHERE x.n > 0), coalesce(sum(x.revenue), 0)
                    FROM journey_entry e LEFT JOIN LATERAL (
                        SELECT count(*) AS n, sum(p.amount) AS revenue FROM purchase p
                        WHERE p.customer_key = e.customer_key AND p.at > e.entered_at AND p.at <= e.entered_at + ?::interval) x ON true
                    WHERE e.journey_id = ? GROUP BY e.holdout""")) {
                s.setString(1, window.toSeconds() + " seconds");
                s.setString(2, journeyId);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Group g = new Group(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5));
                        if (rs.getBoolean(1)) {
                            holdout = g;
                        } else {
                            treated = g;
                        }
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT count(*), coalesce(sum(r.discount), 0) FROM redemption r JOIN offer_grant g ON g.code = r.code
                    JOIN engagement_action a ON a.action_id = g.action_id WHERE a.journey_id = ? AND r.accepted""")) {
                s.setString(1, journeyId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Counts(treated, holdout, rs.getLong(1), rs.getBigDecimal(2));
                }
            }
        }
    }
}
