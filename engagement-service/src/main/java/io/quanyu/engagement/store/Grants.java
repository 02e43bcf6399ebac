package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Offer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Codes granted to customers, and a customer's live offers (granted, not used up, not expired) for frontends and the chatbot. */
@ApplicationScoped
public class Grants {

    /** One live code of a customer with its offer. */
    public record Live(String code, Offer offer, Instant grantedAt, Instant expiresAt, int redemptions) {
    }

    private final DataSource dataSource;

    public Grants(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a code for the customer and counts it on the offer, in the caller's transaction. */
    static void insert(Connection c, String code, Offer offer, String customerKey, Instant now, String actionId) throws SQLException {
        Instant expires = offer.codeExpiry(now);
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO offer_grant (code, offer_id, customer_key, granted_at, expires_at, action_id) VALUES (?, ?, ?, ?, ?, ?)""");
             PreparedStatement u = c.prepareStatement("UPDATE offer SET granted = granted + 1 WHERE offer_id = ?")) {
            s.setString(1, code);
            s.setString(2, offer.offerId());
            s.setString(3, customerKey);
            s.setTimestamp(4, Timestamp.from(now));
            s.setTimestamp(5, expires == null ? null : Timestamp.from(expires));
            s.setString(6, actionId);
            s.executeUpdate();
            u.setString(1, offer.offerId());
            u.executeUpdate();
        }
    }

    /** An admin's grant outside any journey; the code. */
    public String grant(String code, Offer offer, String customerKey) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            Guard.GUARD.beforeWrite(c);
            insert(c, code, offer, customerKey, Instant.now(), null);
            c.commit();
            return code;
        }
    }

    /** The customer's codes that can still be redeemed now, newest first. */
    public List<Live> live(String customerKey) throws SQLException {
        List<Live> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT g.code, o.definition, g.granted_at, g.expires_at, g.redemptions, o.spent, o.redemptions
                     FROM offer_grant g JOIN offer o ON o.offer_id = g.offer_id
                     WHERE g.customer_key = ? AND o.active AND (g.expires_at IS NULL OR g.expires_at > now())
                     ORDER BY g.granted_at DESC LIMIT 100""")) {
            s.setString(1, customerKey);
            try (ResultSet rs = s.executeQuery()) {
                Instant now = Instant.now();
                while (rs.next()) {
                    Offer o = Definitions.read(rs.getString(2), Offer.class);
                    boolean budgetLeft = (o.budget() == null || rs.getBigDecimal(6).compareTo(o.budget()) < 0)
                            && (o.maxRedemptions() == null || rs.getLong(7) < o.maxRedemptions());
                    if (o.validAt(now) && budgetLeft && rs.getInt(5) < o.perCustomerLimit()) {
                        Timestamp exp = rs.getTimestamp(4);
                        out.add(new Live(rs.getString(1), o, rs.getTimestamp(3).toInstant(), exp == null ? null : exp.toInstant(), rs.getInt(5)));
                    }
                }
            }
        }
        return out;
    }
}
