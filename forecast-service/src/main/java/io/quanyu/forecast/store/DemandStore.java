package io.quanyu.forecast.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/** Weekly demand and stock counts in PostgreSQL; what changes them also queues the SKU in {@link RecomputeQueue}. */
@ApplicationScoped
public class DemandStore {

    /** Order line {@code line} of a purchase event, already placed in its store and week. */
    public record Sale(String eventId, int line, String sku, String store, LocalDate week, long quantity, BigDecimal revenue) {
    }

    /** A stock count from a stock_level event. */
    public record Count(String eventId, String sku, String store, int onHand, Instant countedAt) {
    }

    /** A SKU's sales at one store in one week. */
    public record Week(String store, LocalDate week, long quantity, double revenue) {
    }

    /** The latest count of a SKU at a store. */
    public record OnHand(int onHand, Instant countedAt) {
    }

    /** What a batch changed: purchases newly applied, counts that replaced an older one, SKUs queued for recomputation. */
    public record Applied(int purchases, int counts, Set<String> touched) {
    }

    private record WeekKey(String sku, String store, LocalDate week) {
    }

    private final DataSource dataSource;

    public DemandStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Adds the sales of purchases not applied before (by event id, so a redelivered event adds nothing), keeps each
     * count that is newer than the stored one, and queues the SKUs that changed, in one transaction.
     */
    public Applied apply(List<Sale> sales, List<Count> counts, Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> fresh = markApplied(c, sales.stream().map(Sale::eventId).distinct().toList(), now);
                Map<WeekKey, Sale> weekly = new LinkedHashMap<>();
                // An event delivered twice within one batch is new to the table both times: each line counts once.
                Set<List<Object>> lines = new HashSet<>();
                for (Sale s : sales) {
                    if (fresh.contains(s.eventId()) && lines.add(List.of(s.eventId(), s.line()))) {
                        weekly.merge(new WeekKey(s.sku(), s.store(), s.week()), s, (a, b) -> new Sale(a.eventId(), a.line(), a.sku(), a.store(),
                                a.week(), a.quantity() + b.quantity(), a.revenue().add(b.revenue())));
                    }
                }
                addWeeks(c, List.copyOf(weekly.values()));
                Set<String> touched = new TreeSet<>();
                weekly.keySet().forEach(k -> touched.add(k.sku()));
                List<String> counted = putCounts(c, counts);
                touched.addAll(counted);
                touch(c, touched, now);
                c.commit();
                return new Applied(fresh.size(), counted.size(), touched);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static Set<String> markApplied(Connection c, List<String> eventIds, Instant now) throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (eventIds.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO applied_event (event_id, applied_at) SELECT id, ? FROM unnest(?::text[]) id
                ON CONFLICT DO NOTHING RETURNING event_id""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("text", eventIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    private static void addWeeks(Connection c, List<Sale> weeks) throws SQLException {
        if (weeks.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO weekly_demand (sku, store, week, quantity, revenue)
                SELECT * FROM unnest(?::text[], ?::text[], ?::date[], ?::int8[], ?::numeric[])
                ON CONFLICT (sku, store, week) DO UPDATE SET quantity = weekly_demand.quantity + excluded.quantity,
                  revenue = weekly_demand.revenue + excluded.revenue""")) {
            ps.setArray(1, c.createArrayOf("text", weeks.stream().map(Sale::sku).toArray()));
            ps.setArray(2, c.createArrayOf("text", weeks.stream().map(Sale::store).toArray()));
            ps.setArray(3, c.createArrayOf("date", weeks.stream().map(s -> Date.valueOf(s.week())).toArray()));
            ps.setArray(4, c.createArrayOf("int8", weeks.stream().map(Sale::quantity).toArray()));
            ps.setArray(5, c.createArrayOf("numeric", weeks.stream().map(Sale::revenue).toArray()));
            ps.executeUpdate();
        }
    }

    /** Stores each count newer than the stored one; returns the SKUs whose count changed. */
    private static List<String> putCounts(Connection c, List<Count> counts) throws SQLException {
        // One row per SKU and store per statement (ON CONFLICT DO UPDATE may touch a row once): the latest count wins.
        Map<List<String>, Count> latest = new HashMap<>();
        Comparator<Count> order = Comparator.comparing(Count::countedAt).thenComparing(Count::eventId);
        for (Count k : counts) {
            latest.merge(List.of(k.sku(), k.store()), k, (a, b) -> order.compare(a, b) >= 0 ? a : b);
        }
        List<String> changed = new ArrayList<>();
        if (latest.isEmpty()) {
            return changed;
        }
        List<Count> rows = List.copyOf(latest.values());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO stock (sku, store, on_hand, counted_at, event_id)
                SELECT * FROM unnest(?::text[], ?::text[], ?::int4[], ?::timestamptz[], ?::text[])
                ON CONFLICT (sku, store) DO UPDATE SET on_hand = excluded.on_hand, counted_at = excluded.counted_at, event_id = excluded.event_id
                WHERE (excluded.counted_at, excluded.event_id) > (stock.counted_at, stock.event_id)
                RETURNING sku""")) {
            ps.setArray(1, c.createArrayOf("text", rows.stream().map(Count::sku).toArray()));
            ps.setArray(2, c.createArrayOf("text", rows.stream().map(Count::store).toArray()));
            ps.setArray(3, c.createArrayOf("int4", rows.stream().map(Count::onHand).toArray()));
            ps.setArray(4, c.createArrayOf("timestamptz", rows.stream().map(r -> Timestamp.from(r.countedAt())).toArray()));
            ps.setArray(5, c.createArrayOf("text", rows.stream().map(Count::eventId).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    changed.add(rs.getString(1));
                }
            }
        }
        return changed;
    }

    private static void touch(Connection c, Set<String> skus, Instant now) throws SQLException {
        if (skus.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO dirty_sku (sku, first_touched_at, touched_at) SELECT s, ?, ? FROM unnest(?::text[]) s
                ON CONFLICT (sku) DO UPDATE SET touched_at = excluded.touched_at""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, c.createArrayOf("text", skus.toArray()));
            ps.executeUpdate();
        }
    }

    /** A SKU's weekly sales at every store in [from, to), by store and week. */
    public List<Week> weeks(String sku, LocalDate from, LocalDate to) throws SQLException {
        List<Week> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT store, week, quantity, revenue FROM weekly_demand WHERE sku = ? AND week >= ? AND week < ? ORDER BY store, week")) {
            ps.setString(1, sku);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Week(rs.getString(1), rs.getDate(2).toLocalDate(), rs.getLong(3), rs.getDouble(4)));
                }
            }
        }
        return out;
    }

    /** The latest count of a SKU per store. */
    public Map<String, OnHand> counts(String sku) throws SQLException {
        Map<String, OnHand> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT store, on_hand, counted_at FROM stock WHERE sku = ? ORDER BY store")) {
            ps.setString(1, sku);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new OnHand(rs.getInt(2), rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return out;
    }

    /** Revenue per SKU over every store from {@code from} on: what the ABC classes rank. */
    public Map<String, Double> revenueBySku(LocalDate from) throws SQLException {
        Map<String, Double> out = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT sku, sum(revenue)::float8 FROM weekly_demand WHERE week >= ? GROUP BY sku")) {
            ps.setDate(1, Date.valueOf(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return out;
    }

    /** Forgets the ids of purchases applied before {@code before}: redeliveries that old cannot happen. */
    public int pruneApplied(Instant before) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "DELETE FROM applied_event WHERE applied_at < ?")) {
            ps.setTimestamp(1, Timestamp.from(before));
            return ps.executeUpdate();
        }
    }
}
