package io.quanyu.forecast.store;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.InventoryAlert;
import io.quanyu.events.InventoryForecast;
import io.quanyu.forecast.domain.inventory.Policy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Published forecasts, the policies derived from them and the open alerts, in PostgreSQL. */
@ApplicationScoped
public class ForecastStore {

    /** A stored policy with the ABC class it was computed for. */
    public record PolicyRow(String sku, String store, String abcClass, double serviceLevel, double expectedWeeklyDemand,
                            double protectionDemand, double safetyStock, double reorderPoint, double orderQuantity,
                            double overstockLevel, Instant computedAt) {
    }

    /** An alert in force. */
    public record AlertRow(String sku, String store, String type, double onHand, double threshold, double suggestedOrder,
                           String message, Instant openedAt, Instant updatedAt) {

        public InventoryAlert published(String status, Instant at) {
            return new InventoryAlert(sku, store, type, status, onHand, threshold,
                    InventoryAlert.OPEN.equals(status) ? suggestedOrder : 0, message, openedAt, at);
        }
    }

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws Exception;
    }

    private final DataSource dataSource;

    public ForecastStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in a transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    public void save(Connection c, InventoryForecast f, LocalDate originWeek) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO forecast (sku, store, origin_week, body, computed_at) VALUES (?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (sku, store) DO UPDATE SET origin_week = excluded.origin_week, body = excluded.body,
                  computed_at = excluded.computed_at""")) {
            ps.setString(1, f.sku());
            ps.setString(2, f.store());
            ps.setDate(3, Date.valueOf(originWeek));
            ps.setString(4, new String(EventCodec.encode(f), StandardCharsets.UTF_8));
            ps.setTimestamp(5, Timestamp.from(f.generatedAt()));
            ps.executeUpdate();
        }
    }

    public void save(Connection c, String sku, String store, String abcClass, Policy p, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO policy (sku, store, abc_class, service_level, expected_weekly_demand, protection_demand, safety_stock,
                  reorder_point, order_quantity, overstock_level, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku, store) DO UPDATE SET abc_class = excluded.abc_class, service_level = excluded.service_level,
                  expected_weekly_demand = excluded.expected_weekly_demand, protection_demand = excluded.protection_demand,
                  safety_stock = excluded.safety_stock, reorder_point = excluded.reorder_point,
                  order_quantity = excluded.order_quantity, overstock_level = excluded.overstock_level, computed_at = excluded.computed_at""")) {
            ps.setString(1, sku);
            ps.setString(2, store);
            ps.setString(3, abcClass);
            ps.setDouble(4, p.serviceLevel());
            ps.setDouble(5, p.expectedWeeklyDemand());
            ps.setDouble(6, p.protectionDemand());
            ps.setDouble(7, p.safetyStock());
            ps.setDouble(8, p.reorderPoint());
            // free holding without a maximum order makes the EOQ, and so the overstock bound, infinite: PostgreSQL keeps that
            ps.setDouble(9, p.orderQuantity());
            ps.setDouble(10, p.overstockLevel());
            ps.setTimestamp(11, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    /** Opens the alert, or refreshes its figures when it is already open; true when it was newly opened. */
    public boolean open(Connection c, AlertRow a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO open_alert (sku, store, type, on_hand, threshold, suggested_order, message, opened_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (sku, store, type) DO UPDATE SET on_hand = excluded.on_hand, threshold = excluded.threshold,
                  suggested_order = excluded.suggested_order, message = excluded.message, updated_at = excluded.updated_at
                RETURNING (xmax = 0)""")) {
            ps.setString(1, a.sku());
            ps.setString(2, a.store());
            ps.setString(3, a.type());
            ps.setDouble(4, a.onHand());
            ps.setDouble(5, a.threshold());
            ps.setDouble(6, a.suggestedOrder());
            ps.setString(7, a.message());
            ps.setTimestamp(8, Timestamp.from(a.openedAt()));
            ps.setTimestamp(9, Timestamp.from(a.updatedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                // xmax = 0 only on a freshly inserted row version
                return rs.getBoolean(1);
            }
        }
    }

    /** Closes the open alerts of a SKU at a store whose type is not in {@code stillOpen}; returns them. */
    public List<AlertRow> resolveOthers(Connection c, String sku, String store, List<String> stillOpen) throws SQLException {
        List<AlertRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                DELETE FROM open_alert WHERE sku = ? AND store = ? AND NOT (type = ANY(?))
                RETURNING sku, store, type, on_hand, threshold, suggested_order, message, opened_at, updated_at""")) {
            ps.setString(1, sku);
            ps.setString(2, store);
            ps.setArray(3, c.createArrayOf("text", stillOpen.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(alert(rs));
                }
            }
        }
        return out;
    }

    public Optional<InventoryForecast> forecast(String sku, String store) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT body::text FROM forecast WHERE sku = ? AND store = ?")) {
            ps.setString(1, sku);
            ps.setString(2, store);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return EventCodec.decode(rs.getString(1).getBytes(StandardCharsets.UTF_8), InventoryForecast.class)
                        instanceof Decoded.Ok<InventoryForecast> ok ? Optional.of(ok.value()) : Optional.empty();
            }
        }
    }

    /** The stores a SKU has forecasts for ({@code all} included); empty for an unknown SKU. */
    public List<String> stores(String sku) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT store FROM forecast WHERE sku = ? ORDER BY store")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    public Optional<PolicyRow> policy(String sku, String store) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT sku, store, abc_class, service_level, expected_weekly_demand, protection_demand, safety_stock, reorder_point,
                  order_quantity, overstock_level, computed_at FROM policy WHERE sku = ? AND store = ?""")) {
            ps.setString(1, sku);
            ps.setString(2, store);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new PolicyRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getTimestamp(11).toInstant()));
            }
        }
    }

    /** Open alerts, newest first, optionally of one store and one SKU. */
    public List<AlertRow> openAlerts(String store, String sku, int limit) throws SQLException {
        List<AlertRow> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT sku, store, type, on_hand, threshold, suggested_order, message, opened_at, updated_at FROM open_alert
                WHERE (?::text IS NULL OR store = ?) AND (?::text IS NULL OR sku = ?) ORDER BY opened_at DESC, sku, store, type LIMIT ?""")) {
            ps.setString(1, store);
            ps.setString(2, store);
            ps.setString(3, sku);
            ps.setString(4, sku);
            ps.setInt(5, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(alert(rs));
                }
            }
        }
        return out;
    }

    private static AlertRow alert(ResultSet rs) throws SQLException {
        return new AlertRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getDouble(5), rs.getDouble(6),
                rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getTimestamp(9).toInstant());
    }
}
