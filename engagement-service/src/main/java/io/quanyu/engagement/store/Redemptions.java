package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Offer;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.data.CouponRedeemed;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * A {@code coupon_redeemed} event against the code's offer, once per event id: accepted when the shop's back end or POS
 * reported it (ingestion's {@code verified}), the code is live, the channel eligible, the customer under the offer's limit and the budget not exhausted, and then counted against the
 * budget; otherwise recorded as refused with the reason (the channel may already have given the discount: the refusal
 * is what the back office sees). The offer row is locked, so concurrent redemptions cannot overspend.
 */
@ApplicationScoped
public class Redemptions {

    /** What became of one event. */
    public enum Result { ACCEPTED, REFUSED, DUPLICATE }

    /** A granted code and what the offer still allows. */
    private record Grant(String offerId, String customerKey, Instant expiresAt) {
    }

    Result apply(Connection c, CloudEvent e, CouponRedeemed r) throws SQLException {
        if (seen(c, e.id())) {
            return Result.DUPLICATE;
        }
        String code = r.couponId().trim().toUpperCase(java.util.Locale.ROOT);
        Optional<Grant> grant = grant(c, code);
        if (grant.isEmpty()) {
            return record(c, e, code, null, null, r, BigDecimal.ZERO, "unknown_code");
        }
        Grant g = grant.get();
        if (!r.fromTrustedSource()) {
            // Reported by a customer's device (web, app, mini-program client key): not money spent until the shop says so.
            return record(c, e, code, g.offerId(), g.customerKey(), r, BigDecimal.ZERO, "unverified_source");
        }
        Optional<Definitions.StoredOffer> stored = Definitions.offer(c, g.offerId(), true);
        if (stored.isEmpty() || !stored.get().active()) {
            return record(c, e, code, g.offerId(), g.customerKey(), r, BigDecimal.ZERO, "offer_inactive");
        }
        Offer offer = stored.get().offer();
        BigDecimal discount = discount(c, offer, r);
        String reason = null;
        if (!offer.validAt(e.time()) || (g.expiresAt() != null && e.time().isAfter(g.expiresAt()))) {
            reason = "expired";
        } else if (!offer.redeemableOn(e.channel())) {
            reason = "channel_not_eligible";
        } else if (redeemedBy(c, g.offerId(), g.customerKey()) >= offer.perCustomerLimit()) {
            reason = "customer_limit";
        } else if (!offer.fits(stored.get().spent(), stored.get().redemptions(), discount)) {
            reason = "budget_exhausted";
        }
        if (reason != null) {
            return record(c, e, code, g.offerId(), g.customerKey(), r, BigDecimal.ZERO, reason);
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE offer SET redemptions = redemptions + 1, spent = spent + ? WHERE offer_id = ?");
             PreparedStatement u = c.prepareStatement("UPDATE offer_grant SET redemptions = redemptions + 1 WHERE code = ?")) {
            s.setBigDecimal(1, discount);
            s.setString(2, g.offerId());
            s.executeUpdate();
            u.setString(1, code);
            u.executeUpdate();
        }
        return record(c, e, code, g.offerId(), g.customerKey(), r, discount, null);
    }

    /** The event's discount; when it has none, the offer's discount on the order's amount if that purchase was seen, else 0. */
    private static BigDecimal discount(Connection c, Offer offer, CouponRedeemed r) throws SQLException {
        if (r.discount() != null) {
            return r.discount();
        }
        if (r.orderId() != null) {
            try (PreparedStatement s = c.prepareStatement("SELECT amount FROM purchase WHERE order_id = ? LIMIT 1")) {
                s.setString(1, r.orderId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return offer.discountOn(rs.getBigDecimal(1));
                    }
                }
            }
        }
        return BigDecimal.ZERO;
    }

    private static boolean seen(Connection c, String eventId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM redemption WHERE event_id = ?")) {
            s.setString(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static Optional<Grant> grant(Connection c, String code) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT offer_id, customer_key, expires_at FROM offer_grant WHERE code = ?")) {
            s.setString(1, code);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Timestamp exp = rs.getTimestamp(3);
                return Optional.of(new Grant(rs.getString(1), rs.getString(2), exp == null ? null : exp.toInstant()));
            }
        }
    }

    private static long redeemedBy(Connection c, String offerId, String customerKey) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM redemption WHERE offer_id = ? AND customer_key = ? AND accepted")) {
            s.setString(1, offerId);
            s.setString(2, customerKey);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Result record(Connection c, CloudEvent e, String code, String offerId, String customerKey, CouponRedeemed r,
                                 BigDecimal discount, String reason) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO redemption (event_id, code, offer_id, customer_key, channel, order_id, discount, accepted, reason, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, e.id());
            s.setString(2, code);
            s.setString(3, offerId);
            s.setString(4, customerKey);
            s.setString(5, e.channel());
            s.setString(6, r.orderId());
            s.setBigDecimal(7, discount);
            s.setBoolean(8, reason == null);
            s.setString(9, reason);
            s.setTimestamp(10, Timestamp.from(e.time()));
            s.executeUpdate();
        }
        return reason == null ? Result.ACCEPTED : Result.REFUSED;
    }
}
