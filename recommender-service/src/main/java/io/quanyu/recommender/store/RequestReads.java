package io.quanyu.recommender.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * What one recommendation request reads from PostgreSQL, in one round trip: the customer behind a key (every key
 * linked to it, segments, preferred channel) and every interaction of those keys, oldest first.
 */
@ApplicationScoped
public class RequestReads {

    /** One interaction as the live history weighs it. */
    public record Interaction(String itemId, String type, double value) {
    }

    /** The customer behind a key and its live history. */
    public record Customer(CustomerStore.Resolved who, List<Interaction> history) {
    }

    // The customer's columns repeat on every row of its history: a few bytes more per row buy the second round trip.
    // "= ANY (ARRAY(...))" rather than "IN (SELECT ...)": without statistics (a bulk load autovacuum has not analysed
    // yet) PostgreSQL planned the IN as a hash semi-join over a scan of the whole table, 80-140 ms a request on a
    // million rows; the array form keeps the index on user_key with or without statistics.
    private static final String SQL = """
            WITH me AS (SELECT coalesce((SELECT customer_id FROM customer_key WHERE user_key = ?), ?) AS id),
                 keys AS (SELECT ?::text AS k UNION SELECT user_key FROM customer_key WHERE customer_id = (SELECT id FROM me)),
                 cu AS (SELECT segments, preferred_channel FROM customer WHERE customer_id = (SELECT id FROM me))
            SELECT (SELECT id FROM me), (SELECT segments FROM cu), (SELECT preferred_channel FROM cu), (SELECT array_agg(k) FROM keys),
                   i.item_id, i.type, i.value
            FROM (SELECT 1) one
            LEFT JOIN LATERAL (SELECT item_id, type, value, at FROM interaction WHERE user_key = ANY (ARRAY(SELECT k FROM keys))) i ON true
            ORDER BY i.at""";

    private final DataSource dataSource;

    public RequestReads(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The key's customer (the key itself when the profile service has not linked it) and its history. */
    public Customer customer(String userKey) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, userKey);
            ps.setString(2, userKey);
            ps.setString(3, userKey);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                CustomerStore.Resolved who = new CustomerStore.Resolved(rs.getString(1), texts(rs.getArray(4)), texts(rs.getArray(2)), rs.getString(3));
                List<Interaction> history = new ArrayList<>();
                do {
                    String item = rs.getString(5);
                    if (item != null) {
                        history.add(new Interaction(item, rs.getString(6), rs.getDouble(7)));
                    }
                } while (rs.next());
                return new Customer(who, history);
            }
        }
    }

    private static List<String> texts(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
