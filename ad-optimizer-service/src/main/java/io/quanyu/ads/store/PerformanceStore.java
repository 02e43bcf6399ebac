package io.quanyu.ads.store;

import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.allocation.DailyStats;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.domain.performance.Counters;
import io.quanyu.ads.domain.performance.PerformanceRow;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Reads the counters and credits back: performance rows, per-campaign totals, daily histories and per-ad test arms. */
@ApplicationScoped
public class PerformanceStore {

    /** Cost and credited revenue of one campaign over a period, in micros. */
    public record CampaignTotals(String campaignId, long costMicros, long revenueMicros) {
    }

    /** An ad over a period: clicks, and under last touch its conversions and the revenue of its clicks (sum and sum of squares). */
    public record AdArm(String adId, String campaignId, long clicks, long conversions, double revenue, double revenueSquares) {
    }

    private final DataSource dataSource;

    public PerformanceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether any counter or credit names the campaign. */
    public boolean hasData(String campaignId) throws SQLException {
        return exists("SELECT 1 FROM ad_daily WHERE campaign_id = ? UNION ALL SELECT 1 FROM ad_credit WHERE campaign_id = ? LIMIT 1", campaignId);
    }

    /** Whether any counter or credit names the ad. */
    public boolean adHasData(String adId) throws SQLException {
        return exists("SELECT 1 FROM ad_daily WHERE ad_id = ? UNION ALL SELECT 1 FROM ad_credit WHERE ad_id = ? LIMIT 1", adId);
    }

    /** The campaign's rows at the finest grain (day, ad, channel), counters and the model's credits merged. */
    public List<PerformanceRow> rows(String campaignId, LocalDate from, LocalDate to, AttributionModel model) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT day, campaign_id, ad_id, channel, sum(impressions), sum(clicks), sum(cost), sum(conv), sum(rev) FROM (
                  SELECT day, campaign_id, ad_id, channel, impressions, clicks, cost_micros AS cost, 0::float8 AS conv, 0::bigint AS rev
                  FROM ad_daily WHERE campaign_id = ? AND day BETWEEN ? AND ?
                  UNION ALL
                  SELECT day, campaign_id, ad_id, channel, 0, 0, 0, conversions, revenue_micros
                  FROM ad_credit WHERE model = ? AND campaign_id = ? AND day BETWEEN ? AND ?) x
                GROUP BY day, campaign_id, ad_id, channel""")) {
            s.setString(1, campaignId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            s.setString(4, Attribution.wire(model));
            s.setString(5, campaignId);
            s.setDate(6, Date.valueOf(from));
            s.setDate(7, Date.valueOf(to));
            List<PerformanceRow> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new PerformanceRow(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getString(4),
                            new Counters(rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getDouble(8), rs.getLong(9))));
                }
            }
            return out;
        }
    }

    /** Cost and revenue per campaign over the period, for every campaign with data in it. */
    public Map<String, CampaignTotals> totals(LocalDate from, LocalDate to, AttributionModel model) throws SQLException {
        Map<String, CampaignTotals> out = new TreeMap<>();
        for (var e : daily(null, from, to, model).entrySet()) {
            long cost = 0;
            long revenue = 0;
            for (long[] d : e.getValue().values()) {
                cost += d[1];
                revenue += d[3];
            }
            out.put(e.getKey(), new CampaignTotals(e.getKey(), cost, revenue));
        }
        return out;
    }

    /** Each campaign's days with data (cost, clicks, conversions, revenue in units), for the allocation policies. */
    public Map<String, TreeMap<LocalDate, DailyStats>> history(List<String> campaignIds, LocalDate from, LocalDate to, AttributionModel model)
            throws SQLException {
        Map<String, TreeMap<LocalDate, DailyStats>> out = new HashMap<>();
        for (var e : daily(campaignIds, from, to, model).entrySet()) {
            TreeMap<LocalDate, DailyStats> days = new TreeMap<>();
            e.getValue().forEach((day, d) -> days.put(day, new DailyStats(Micros.toUnits(d[1]), d[0], d[2] / 1e6, Micros.toUnits(d[3]))));
            out.put(e.getKey(), days);
        }
        return out;
    }

    /** Clicks, conversions and revenue per click of an ad under last touch, by click day (clicks) and purchase day (credits). */
    public AdArm arm(String adId, LocalDate from, LocalDate to) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT (SELECT coalesce(sum(clicks), 0) FROM ad_daily WHERE ad_id = ? AND day BETWEEN ? AND ?),
                       (SELECT min(campaign_id) FROM ad_daily WHERE ad_id = ?),
                       coalesce(sum(n), 0), coalesce(sum(r), 0), coalesce(sum(r * r), 0)
                FROM (SELECT count(*) AS n, sum(revenue_micros) / 1e6 AS r FROM ad_credit
                      WHERE model = 'last_touch' AND ad_id = ? AND day BETWEEN ? AND ? GROUP BY coalesce(touch_event_id, order_id)) per_click""")) {
            s.setString(1, adId);
            s.setDate(2, Date.valueOf(from));
            s.setDate(3, Date.valueOf(to));
            s.setString(4, adId);
            s.setString(5, adId);
            s.setDate(6, Date.valueOf(from));
            s.setDate(7, Date.valueOf(to));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new AdArm(adId, rs.getString(2), rs.getLong(1), rs.getLong(3), rs.getDouble(4), rs.getDouble(5));
            }
        }
    }

    /** Amounts (units) of the orders placed since a day: count, mean and variance, for the order-value prior. */
    public double[] orderAmounts(LocalDate since) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*), coalesce(avg(amount_micros) / 1e6, 0), coalesce(var_samp(amount_micros / 1e6), 0) FROM ad_order WHERE day >= ?")) {
            s.setDate(1, Date.valueOf(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new double[] {rs.getLong(1), rs.getDouble(2), rs.getDouble(3)};
            }
        }
    }

    /** campaign → day → {clicks, cost micros, conversions × 1e6, revenue micros}; null ids means every campaign. */
    private Map<String, TreeMap<LocalDate, long[]>> daily(List<String> ids, LocalDate from, LocalDate to, AttributionModel model) throws SQLException {
        String only = ids == null ? "" : " AND campaign_id = ANY (?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT campaign_id, day, sum(clicks), sum(cost), sum(conv), sum(rev) FROM (
                  SELECT campaign_id, day, clicks, cost_micros AS cost, 0::float8 AS conv, 0::bigint AS rev FROM ad_daily WHERE day BETWEEN ? AND ?%s
                  UNION ALL
                  SELECT campaign_id, day, 0, 0, conversions, revenue_micros FROM ad_credit WHERE model = ? AND day BETWEEN ? AND ?%s) x
                GROUP BY campaign_id, day""".formatted(only, only))) {
            int i = 1;
            s.setDate(i++, Date.valueOf(from));
            s.setDate(i++, Date.valueOf(to));
            if (ids != null) {
                s.setArray(i++, c.createArrayOf("text", ids.toArray()));
            }
            s.setString(i++, Attribution.wire(model));
            s.setDate(i++, Date.valueOf(from));
            s.setDate(i++, Date.valueOf(to));
            if (ids != null) {
                s.setArray(i, c.createArrayOf("text", ids.toArray()));
            }
            Map<String, TreeMap<LocalDate, long[]>> out = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getDate(2).toLocalDate(),
                            new long[] {rs.getLong(3), rs.getLong(4), Math.round(rs.getDouble(5) * 1e6), rs.getLong(6)});
                }
            }
            return out;
        }
    }

    private boolean exists(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
