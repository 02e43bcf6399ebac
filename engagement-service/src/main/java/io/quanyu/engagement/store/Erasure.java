package io.quanyu.engagement.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Erases a customer: triggers, entries, actions and their feedback, codes, purchases, consent, portrait, key links and
 * recommendations under any of their keys (or the customer id) go; their
 * redemptions stay as anonymous budget history (an offer's spend must not change), without key, code or order.
 */
@ApplicationScoped
public class Erasure {

    private static final List<String> DELETES = List.of(
            "DELETE FROM journey_trigger WHERE customer_key = ANY (?)",
            "DELETE FROM journey_entry WHERE customer_key = ANY (?)",
            "DELETE FROM action_feedback WHERE action_id IN (SELECT action_id FROM engagement_action WHERE customer_key = ANY (?))",
            "DELETE FROM engagement_action WHERE customer_key = ANY (?)",
            "DELETE FROM offer_grant WHERE customer_key = ANY (?)",
            "DELETE FROM purchase WHERE customer_key = ANY (?)",
            "DELETE FROM consent WHERE customer_key = ANY (?)",
            "DELETE FROM customer_birthday WHERE customer_key = ANY (?)",
            "DELETE FROM recommended WHERE customer_id = ANY (?) OR customer_id IN (SELECT customer_id FROM customer_key WHERE user_key = ANY (?))",
            "DELETE FROM customer WHERE customer_id = ANY (?) OR customer_id IN (SELECT customer_id FROM customer_key WHERE user_key = ANY (?))",
            "DELETE FROM customer_key WHERE user_key = ANY (?) OR customer_id = ANY (?)",
            "UPDATE redemption SET customer_key = NULL, code = NULL, order_id = NULL WHERE customer_key = ANY (?)");

    private final DataSource dataSource;

    public Erasure(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows deleted or anonymized. */
    public int erase(List<String> keys) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Guard.GUARD.record(c, keys, Instant.now());
                int rows = 0;
                for (String sql : DELETES) {
                    try (PreparedStatement s = c.prepareStatement(sql)) {
                        for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                            s.setArray(i, c.createArrayOf("text", keys.toArray()));
                        }
                        rows += s.executeUpdate();
                    }
                }
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
