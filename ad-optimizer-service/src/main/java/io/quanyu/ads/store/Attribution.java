package io.quanyu.ads.store;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.domain.attribution.Attributor;
import io.quanyu.ads.domain.attribution.Credit;
import io.quanyu.ads.domain.attribution.Order;
import io.quanyu.ads.domain.attribution.Touch;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** (Re)computes orders' credits under both models from the touches of every key of the buyer's customer; replaces, never adds. */
@ApplicationScoped
public class Attribution {

    /** Orders that gained credits under a model for the first time, and their amount in micros. */
    public record Tally(int orders, long revenueMicros) {
    }

    private static final String TOUCHES = """
            SELECT t.event_id, t.user_key, t.at, t.campaign_id, t.ad_id, t.channel FROM ad_touch t
            WHERE t.at BETWEEN ? AND ? AND t.user_key IN (
              SELECT ?::text UNION
              SELECT k2.user_key FROM customer_key k1 JOIN customer_key k2 ON k2.customer_id = k1.customer_id WHERE k1.user_key = ?)""";

    private final Map<AttributionModel, Attributor> attributors = new EnumMap<>(AttributionModel.class);

    public Attribution(AdsConfig config) {
        for (AttributionModel m : AttributionModel.values()) {
            attributors.put(m, new Attributor(config.attributionWindow(), m));
        }
    }

    /** The wire name of a model: last_touch or linear. */
    public static String wire(AttributionModel model) {
        return model.name().toLowerCase(Locale.ROOT);
    }

    public Attributor attributor(AttributionModel model) {
        return attributors.get(model);
    }

    /** Attributes the orders (locking them), replacing their credits; returns what was credited for the first time per model. */
    public Map<AttributionModel, Tally> attribute(Connection c, Collection<String> orderIds) throws SQLException {
        Map<AttributionModel, Tally> tallies = new EnumMap<>(AttributionModel.class);
        if (orderIds.isEmpty()) {
            return tallies;
        }
        List<Order> orders = new ArrayList<>();
        Map<String, LocalDate> days = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT order_id, user_key, at, day, amount_micros FROM ad_order
                WHERE order_id = ANY (?) AND user_key IS NOT NULL ORDER BY order_id FOR UPDATE""")) {
            s.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    orders.add(new Order(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(1), rs.getLong(5)));
                    days.put(rs.getString(1), rs.getDate(4).toLocalDate());
                }
            }
        }
        if (orders.isEmpty()) {
            return tallies;
        }
        Object[] ids = orders.stream().map(Order::orderId).toArray();
        Set<String> credited = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT order_id, model FROM ad_credit WHERE order_id = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    credited.add(rs.getString(1) + "|" + rs.getString(2));
                }
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM ad_credit WHERE order_id = ANY (?)");
             PreparedStatement ins = c.prepareStatement("""
                     INSERT INTO ad_credit (order_id, model, campaign_id, ad_id, channel, day, conversions, revenue_micros, touch_event_id)
                     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            del.setArray(1, c.createArrayOf("text", ids));
            del.executeUpdate();
            for (Order o : orders) {
                List<String> touchIds = new ArrayList<>();
                List<Touch> touches = touches(c, o, touchIds);
                for (AttributionModel model : AttributionModel.values()) {
                    Attributor a = attributors.get(model);
                    List<Credit> credits = a.attribute(o, touches);
                    if (credits.isEmpty()) {
                        continue;
                    }
                    String touchId = model == AttributionModel.LAST_TOUCH ? lastTouch(a, o, touches, touchIds) : null;
                    long micros = 0;
                    for (Credit cr : credits) {
                        ins.setString(1, o.orderId());
                        ins.setString(2, wire(model));
                        ins.setString(3, cr.campaignId());
                        ins.setString(4, cr.adId());
                        ins.setString(5, cr.channel());
                        ins.setDate(6, Date.valueOf(days.get(o.orderId())));
                        ins.setDouble(7, cr.conversions());
                        ins.setLong(8, cr.revenueMicros());
                        ins.setString(9, touchId);
                        ins.addBatch();
                        micros += cr.revenueMicros();
                    }
                    if (!credited.contains(o.orderId() + "|" + wire(model))) {
                        Tally t = tallies.getOrDefault(model, new Tally(0, 0));
                        tallies.put(model, new Tally(t.orders() + 1, t.revenueMicros() + micros));
                    }
                }
            }
            ins.executeBatch();
        }
        return tallies;
    }

    /** Orders whose window contains one of these (newly stored) clicks, through every key of the clicker's customer. */
    public Set<String> ordersReachedBy(Connection c, List<String> touchIds) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        if (touchIds.isEmpty()) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement("""
                WITH t AS (SELECT user_key, at FROM ad_touch WHERE event_id = ANY (?)),
                keys AS (SELECT t.at, t.user_key FROM t
                         UNION SELECT t.at, k2.user_key FROM t JOIN customer_key k1 ON k1.user_key = t.user_key
                                                         JOIN customer_key k2 ON k2.customer_id = k1.customer_id)
                SELECT DISTINCT o.order_id FROM keys JOIN ad_order o ON o.user_key = keys.user_key
                WHERE o.at >= keys.at AND o.at <= keys.at + make_interval(secs => ?)""")) {
            s.setArray(1, c.createArrayOf("text", touchIds.toArray()));
            s.setDouble(2, attributors.get(AttributionModel.LAST_TOUCH).window().toMillis() / 1000.0);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The orders of every key of a customer placed since a time. */
    public Set<String> ordersOfCustomer(Connection c, String customerId, Instant since) throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT o.order_id FROM ad_order o JOIN customer_key k ON k.user_key = o.user_key WHERE k.customer_id = ? AND o.at >= ?""")) {
            s.setString(1, customerId);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /** The buyer's touches that can be in the order's window, with their event ids in {@code ids} (same order). */
    private List<Touch> touches(Connection c, Order o, List<String> ids) throws SQLException {
        List<Touch> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(TOUCHES)) {
            s.setTimestamp(1, Timestamp.from(attributors.get(AttributionModel.LAST_TOUCH).windowStart(o.time())));
            s.setTimestamp(2, Timestamp.from(o.time()));
            s.setString(3, o.userKey());
            s.setString(4, o.userKey());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                    out.add(new Touch(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
        }
        return out;
    }

    /** The event id of the click the last-touch model credits: the chronologically last eligible one. */
    private static String lastTouch(Attributor a, Order o, List<Touch> touches, List<String> ids) {
        int best = -1;
        for (int i = 0; i < touches.size(); i++) {
            if (a.eligible(touches.get(i), o) && (best < 0 || Touch.CHRONOLOGICAL.compare(touches.get(i), touches.get(best)) > 0)) {
                best = i;
            }
        }
        return best < 0 ? null : ids.get(best);
    }
}
