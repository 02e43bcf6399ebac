package io.quanyu.chatbot.store;

import io.quanyu.support.ErasedKeyGuard;
import io.quanyu.chatbot.domain.dialogue.OrderFacts;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/** Orders and refunds from events.v1, as order answers need them; a redelivered event changes nothing. */
@ApplicationScoped
public class OrderStore {

    private static final String SELECT = """
            SELECT o.order_id, o.user_key, o.placed_at, o.amount, o.currency, o.items, o.store_id,
                   (SELECT sum(r.amount) FROM chat_refund r WHERE r.order_key = o.order_key),
                   (SELECT max(r.refunded_at) FROM chat_refund r WHERE r.order_key = o.order_key)
            FROM chat_order o""";

    private static final String INSERT_ORDER = """
            INSERT INTO chat_order (order_key, order_id, user_key, placed_at, amount, currency, items, store_id)
            SELECT v.* FROM (VALUES (?, ?, ?, ?::timestamptz, ?::numeric, ?, ?::int, ?))
              AS v(order_key, order_id, user_key, placed_at, amount, currency, items, store_id)
            WHERE %s
            ON CONFLICT (order_key) DO NOTHING""".formatted(ErasedKeyGuard.notErasedSince("v.user_key", "v.placed_at"));
    private static final String INSERT_REFUND = """
            INSERT INTO chat_refund (event_id, order_key, user_key, amount, refunded_at)
            SELECT v.* FROM (VALUES (?, ?, ?, ?::numeric, ?::timestamptz)) AS v(event_id, order_key, user_key, amount, refunded_at)
            WHERE %s
            ON CONFLICT (event_id) DO NOTHING""".formatted(ErasedKeyGuard.notErasedSince("v.user_key", "v.refunded_at"));

    private final DataSource dataSource;

    public OrderStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores the purchases and refunds of a batch, except those of a key erased since (a replay); returns how many rows were new. */
    public int apply(List<CloudEvent> events) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement order = c.prepareStatement(INSERT_ORDER);
             PreparedStatement refund = c.prepareStatement(INSERT_REFUND)) {
            c.setAutoCommit(false);
            ErasedKeys.GUARD.beforeWrite(c);
            for (CloudEvent e : events) {
                EventType type = e.eventType().orElse(null);
                if (type == EventType.PURCHASE) {
                    Purchase p = e.data(Purchase.class);
                    order.setString(1, key(p.orderId()));
                    order.setString(2, p.orderId());
                    order.setString(3, e.subject());
                    order.setTimestamp(4, Timestamp.from(e.time()));
                    order.setBigDecimal(5, p.amount());
                    order.setString(6, p.currency());
                    order.setInt(7, p.lines().stream().mapToInt(OrderLine::quantity).sum());
                    order.setString(8, p.storeId());
                    order.addBatch();
                } else if (type == EventType.REFUND) {
                    Refund r = e.data(Refund.class);
                    refund.setString(1, e.id());
                    refund.setString(2, key(r.orderId()));
                    refund.setString(3, e.subject());
                    refund.setBigDecimal(4, r.amount());
                    refund.setTimestamp(5, Timestamp.from(e.time()));
                    refund.addBatch();
                }
            }
            int stored = sum(order.executeBatch()) + sum(refund.executeBatch());
            c.commit();
            return stored;
        }
    }

    public Optional<OrderFacts> find(String orderId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " WHERE o.order_key = ?")) {
            s.setString(1, key(orderId));
            List<OrderFacts> found = read(s);
            return found.stream().findFirst();
        }
    }

    /** The latest orders under any of these keys, newest first. */
    public List<OrderFacts> recent(List<String> userKeys, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(SELECT + " WHERE o.user_key = ANY (?) ORDER BY o.placed_at DESC LIMIT ?")) {
            s.setArray(1, c.createArrayOf("text", userKeys.toArray()));
            s.setInt(2, limit);
            return read(s);
        }
    }

    /**
     * Deletes every order and refund recorded under these keys and records the keys as erased now, so that a replay of
     * their older events is not stored again: one transaction.
     */
    public int erase(List<String> userKeys) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement refunds = c.prepareStatement("DELETE FROM chat_refund WHERE user_key = ANY (?)");
             PreparedStatement orders = c.prepareStatement("DELETE FROM chat_order WHERE user_key = ANY (?)")) {
            c.setAutoCommit(false);
            ErasedKeys.GUARD.record(c, userKeys, Instant.now());
            refunds.setArray(1, c.createArrayOf("text", userKeys.toArray()));
            orders.setArray(1, c.createArrayOf("text", userKeys.toArray()));
            int n = refunds.executeUpdate() + orders.executeUpdate();
            c.commit();
            return n;
        }
    }

    private static List<OrderFacts> read(PreparedStatement s) throws SQLException {
        List<OrderFacts> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                Timestamp refundedAt = rs.getTimestamp(9);
                out.add(new OrderFacts(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getBigDecimal(8), refundedAt == null ? null : refundedAt.toInstant()));
            }
        }
        return out;
    }

    private static String key(String orderId) {
        return orderId.strip().toUpperCase(Locale.ROOT);
    }

    private static int sum(int[] counts) {
        int n = 0;
        for (int x : counts) {
            n += Math.max(0, x);
        }
        return n;
    }
}
