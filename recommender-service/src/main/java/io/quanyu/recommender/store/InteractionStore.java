package io.quanyu.recommender.store;

import io.quanyu.support.ErasedKeyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Interactions and catalog items in PostgreSQL. */
@ApplicationScoped
public class InteractionStore {

    /** One interaction of a customer (by one of its user keys) with an item, on a channel. */
    public record Row(String eventId, String userKey, String itemId, String type, double value, Instant at, String channel) {
    }

    /** A catalog item. */
    public record Item(String productId, String title, String description, String category, String brand, boolean inStock) {

        /** The text the content model reads. */
        public String text() {
            return String.join(" ", java.util.stream.Stream.of(title, description, category, brand)
                    .filter(s -> s != null && !s.isBlank()).toList());
        }
    }

    private static final String INSERT = """
            INSERT INTO interaction (event_id, user_key, item_id, type, value, at, channel)
            SELECT r.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::timestamptz[], ?::text[])
              AS r(event_id, user_key, item_id, type, value, at, channel)
            WHERE %s
            ON CONFLICT DO NOTHING""".formatted(ErasedKeyGuard.notErasedSince("r.user_key", "r.at"));

    private final DataSource dataSource;

    public InteractionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Inserts rows not seen before (a redelivered event changes nothing), except those of a key erased at or after the
     * row's time (a replay of an erased customer's events); returns how many were new.
     */
    public int insert(List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return 0;
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ErasedKeys.GUARD.beforeWrite(c);
                ps.setArray(1, c.createArrayOf("text", rows.stream().map(Row::eventId).toArray()));
                ps.setArray(2, c.createArrayOf("text", rows.stream().map(Row::userKey).toArray()));
                ps.setArray(3, c.createArrayOf("text", rows.stream().map(Row::itemId).toArray()));
                ps.setArray(4, c.createArrayOf("text", rows.stream().map(Row::type).toArray()));
                ps.setArray(5, c.createArrayOf("float8", rows.stream().map(Row::value).toArray()));
                ps.setArray(6, c.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.at())).toArray()));
                ps.setArray(7, c.createArrayOf("text", rows.stream().map(Row::channel).toArray()));
                int n = ps.executeUpdate();
                c.commit();
                return n;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Every interaction, streamed (for training). */
    public void forEach(Consumer<Row> sink) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, user_key, item_id, type, value, at, channel FROM interaction")) {
                ps.setFetchSize(10_000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            }
            c.commit();
        }
    }

    /** One customer's interactions under any of its keys, oldest first, whole rows (requests read theirs through RequestReads). */
    public List<Row> of(List<String> userKeys) throws SQLException {
        List<Row> out = new ArrayList<>();
        // Most customers have one key: a plain equality spares encoding an array on every request.
        boolean one = userKeys.size() == 1;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT event_id, user_key, item_id, type, value, at, channel FROM interaction WHERE user_key " + (one ? "= ?" : "= ANY(?)")
                        + " ORDER BY at")) {
            if (one) {
                ps.setString(1, userKeys.getFirst());
            } else {
                ps.setArray(1, c.createArrayOf("text", userKeys.toArray()));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
        }
        return out;
    }

    /** User keys with interactions stored in (from, to]: the customers active in that window. */
    public List<String> activeKeys(Instant from, Instant to) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT user_key FROM interaction WHERE stored_at > ? AND stored_at <= ?")) {
            ps.setTimestamp(1, Timestamp.from(from));
            ps.setTimestamp(2, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** One of the latest interactions with what the catalog says of its item (title and category, null before the record arrives). */
    public record Recent(String userKey, String itemId, String type, double value, Instant at, String title, String category) {
    }

    /**
     * The {@code limit} interactions stored last, newest first: what the live counts serve from before the first training.
     * One batch shares its stored_at, so the event time and id break ties: the live counts' ties follow the row order.
     */
    public List<Recent> recent(int limit) throws SQLException {
        List<Recent> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT r.user_key, r.item_id, r.type, r.value, r.at, it.title, it.category
                FROM (SELECT event_id, user_key, item_id, type, value, at, stored_at FROM interaction ORDER BY stored_at DESC LIMIT ?) r
                LEFT JOIN item it ON it.product_id = r.item_id
                ORDER BY r.stored_at DESC, r.at DESC, r.event_id""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Recent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getTimestamp(5).toInstant(),
                            rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    /** How many interactions are stored, counting no further than {@code limit}: cheap on any table size. */
    public long countAtMost(long limit) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM interaction LIMIT ?) t")) {
            ps.setLong(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public long count() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM interaction");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void upsertItem(Item item) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO item (product_id, title, description, category, brand, in_stock) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (product_id) DO UPDATE SET title = excluded.title, description = excluded.description,
                  category = excluded.category, brand = excluded.brand, in_stock = excluded.in_stock, updated_at = now()""")) {
            ps.setString(1, item.productId());
            ps.setString(2, item.title());
            ps.setString(3, item.description());
            ps.setString(4, item.category());
            ps.setString(5, item.brand());
            ps.setBoolean(6, item.inStock());
            ps.executeUpdate();
        }
    }

    public void deleteItem(String productId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM item WHERE product_id = ?")) {
            ps.setString(1, productId);
            ps.executeUpdate();
        }
    }

    public Map<String, Item> items() throws SQLException {
        Map<String, Item> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT product_id, title, description, category, brand, in_stock FROM item ORDER BY product_id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5), rs.getTimestamp(6).toInstant(),
                rs.getString(7));
    }
}
