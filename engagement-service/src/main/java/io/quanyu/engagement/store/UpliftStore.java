package io.quanyu.engagement.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A journey's or an offer's groups as counted from the entries: an entry converted when its customer (under any of
 * its keys) bought within the journey's attribution window after entering, the same rule for both groups, with the
 * revenue of those purchases. An offer's entries are those decided into a branch granting it, in either group.
 */
@ApplicationScoped
public class UpliftStore {

    /** One group's counts. */
    public record Group(long entries, long customers, long conversions, BigDecimal revenue) {
    }

    /** Actions (treated entries) the gateways reported delivered, opened and clicked. */
    public record Feedback(long delivered, long opened, long clicked) {
    }

    /** Both groups, the redemptions of codes the entries were granted, and the feedback on their actions. */
    public record Counts(Group treated, Group holdout, long redemptions, BigDecimal discount, Feedback feedback) {
    }

    private static final String GROUPS = """
            SELECT e.holdout, count(*), count(DISTINCT e.customer_key), count(*) FILTER (WHERE x.n > 0), coalesce(sum(x.revenue), 0)
            FROM journey_entry e JOIN journey j ON j.journey_id = e.journey_id LEFT JOIN LATERAL (
                SELECT count(*) AS n, sum(p.amount) AS revenue FROM purchase p
                WHERE p.customer_key IN %s
                  AND p.at > e.entered_at AND p.at <= e.entered_at + (j.definition ->> 'attribution_window')::interval) x ON true
            WHERE e.%s = ? GROUP BY e.holdout""".formatted(CustomerLinks.keysOf("e.customer_key"), "%s");

    private static final String REDEEMED = """
            SELECT count(*), coalesce(sum(r.discount), 0) FROM redemption r JOIN offer_grant g ON g.code = r.code
            JOIN engagement_action a ON a.action_id = g.action_id WHERE %s = ? AND r.accepted""";

    private static final String FEEDBACK = """
            SELECT count(DISTINCT f.action_id) FILTER (WHERE f.kind = 'message_delivered'),
                   count(DISTINCT f.action_id) FILTER (WHERE f.kind = 'message_opened'),
                   count(DISTINCT f.action_id) FILTER (WHERE f.kind = 'message_clicked')
            FROM action_feedback f JOIN engagement_action a ON a.action_id = f.action_id
            JOIN journey_entry e ON e.journey_id = a.journey_id AND e.customer_key = a.customer_key AND e.trigger_event_id = a.trigger_event_id
            WHERE e.%s = ?""";

    private final DataSource dataSource;

    public UpliftStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Counts journey(String journeyId) throws SQLException {
        return counts("journey_id", "a.journey_id", journeyId);
    }

    public Counts offer(String offerId) throws SQLException {
        return counts("offer_id", "g.offer_id", offerId);
    }

    private Counts counts(String entryColumn, String actionColumn, String id) throws SQLException {
        Group treated = new Group(0, 0, 0, BigDecimal.ZERO);
        Group holdout = treated;
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(GROUPS.formatted(entryColumn))) {
                s.setString(1, id);
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
            long redemptions;
            BigDecimal discount;
            try (PreparedStatement s = c.prepareStatement(REDEEMED.formatted(actionColumn))) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    redemptions = rs.getLong(1);
                    discount = rs.getBigDecimal(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement(FEEDBACK.formatted(entryColumn))) {
                s.setString(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Counts(treated, holdout, redemptions, discount, new Feedback(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
    }
}
