package io.quanyu.chatbot.store;

import io.quanyu.events.ProfileDigest;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** The identity graph as the profile service publishes it: every user key of a customer. */
@ApplicationScoped
public class CustomerKeys {

    private final DataSource dataSource;

    public CustomerKeys(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The customer's keys now point at it, wherever they pointed before (a merge). */
    public void upsert(ProfileDigest p) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO chat_customer_key (user_key, customer_id) SELECT k, ? FROM unnest(?::text[]) k
                     ON CONFLICT (user_key) DO UPDATE SET customer_id = excluded.customer_id""")) {
            s.setString(1, p.customerId());
            s.setArray(2, c.createArrayOf("text", p.keys().toArray()));
            s.executeUpdate();
        }
    }

    /** A tombstone: the customer was merged into another (whose record re-points the keys) or erased. */
    public void removed(String customerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_customer_key WHERE customer_id = ?")) {
            s.setString(1, customerId);
            s.executeUpdate();
        }
    }

    /** The key itself and every other key of its customer. */
    public List<String> keysOf(String userKey) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(userKey);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT k.user_key FROM chat_customer_key me JOIN chat_customer_key k ON k.customer_id = me.customer_id
                     WHERE me.user_key = ?""")) {
            s.setString(1, userKey);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        return new ArrayList<>(keys);
    }

    public int erase(List<String> userKeys) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_customer_key WHERE user_key = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", userKeys.toArray()));
            return s.executeUpdate();
        }
    }
}
