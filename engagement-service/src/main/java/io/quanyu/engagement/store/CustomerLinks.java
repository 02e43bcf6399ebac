package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Portrait;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads, in the caller's transaction, which keys are one customer and what their portrait says. A key no portrait
 * names yet is a customer of its own with an unknown portrait.
 */
final class CustomerLinks {

    /** Every key of the customer the key (bound twice) belongs to, the key included: {@code customer_key IN KEYS_OF}. */
    static final String KEYS_OF = keysOf("?::text");

    private CustomerLinks() {
    }

    /** The keys of the customer the SQL expression's key belongs to, the key included: a subquery for {@code IN}. */
    static String keysOf(String keyExpression) {
        return "(SELECT " + keyExpression + " UNION SELECT k2.user_key FROM customer_key k1 JOIN customer_key k2 "
                + "ON k2.customer_id = k1.customer_id WHERE k1.user_key = " + keyExpression + ")";
    }

    static Optional<String> customerOf(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT customer_id FROM customer_key WHERE user_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    static List<String> keysOf(Connection c, String key) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + KEYS_OF + " k")) {
            s.setString(1, key);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        out.remove(key);
        out.addFirst(key);
        return out;
    }

    static Portrait portrait(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT p.segments, p.lifecycle, p.propensity, p.preferred_channel FROM customer_key k JOIN customer p ON p.customer_id = k.customer_id
                WHERE k.user_key = ?""")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Portrait.UNKNOWN;
                }
                return portrait(rs);
            }
        }
    }

    /** A portrait from a row of segments, lifecycle, propensity and preferred channel, in that order. */
    static Portrait portrait(ResultSet rs) throws SQLException {
        List<String> segments = strings(rs.getArray(1));
        String lifecycle = rs.getString(2);
        double p = rs.getDouble(3);
        Double propensity = rs.wasNull() ? null : p;
        return new Portrait(segments, lifecycle, propensity, rs.getString(4));
    }

    /** Whether any key of the customer the key belongs to bought before then. */
    static boolean boughtBefore(Connection c, String customerKey, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM purchase WHERE customer_key IN " + KEYS_OF + " AND at < ? LIMIT 1")) {
            s.setString(1, customerKey);
            s.setString(2, customerKey);
            s.setTimestamp(3, Timestamp.from(at));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The customer's latest recommendations (empty when none were published). */
    static List<String> recommended(Connection c, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT items FROM recommended WHERE customer_id = ?")) {
            s.setString(1, customerOf(c, key).orElse(key));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? strings(rs.getArray(1)) : List.of();
            }
        }
    }

    static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
