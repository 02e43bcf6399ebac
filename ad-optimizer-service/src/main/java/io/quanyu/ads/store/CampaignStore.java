package io.quanyu.ads.store;

import io.quanyu.ads.domain.Ad;
import io.quanyu.ads.domain.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** The campaign registry: campaigns with their budget bounds, target segments and ads. */
@ApplicationScoped
public class CampaignStore {

    /** A registered campaign and its planned daily budget (micros), which the domain record does not carry. */
    public record Registered(Campaign campaign, long dailyBudgetMicros) {
    }

    /** What a save did: created or updated, or refused because an ad id belongs to another campaign. */
    public record Saved(boolean created, String conflictingAd, String owner) {
    }

    private static final String SELECT = """
            SELECT campaign_id, name, channels, daily_budget_micros, min_daily_micros, max_daily_micros, target_segments, active
            FROM campaign""";

    private final DataSource dataSource;

    public CampaignStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates or replaces a campaign and its ads (ads no longer listed are dropped from the registry; their counters stay). */
    public Saved save(Registered r) throws SQLException {
        Campaign c = r.campaign();
        try (Connection conn = dataSource.getConnection()) {
            conn.setAutoCommit(false);
            try {
                try (PreparedStatement owners = conn.prepareStatement(
                        "SELECT ad_id, campaign_id FROM campaign_ad WHERE ad_id = ANY (?) AND campaign_id <> ?")) {
                    owners.setArray(1, conn.createArrayOf("text", c.ads().stream().map(Ad::adId).toArray()));
                    owners.setString(2, c.campaignId());
                    try (ResultSet rs = owners.executeQuery()) {
                        if (rs.next()) {
                            conn.rollback();
                            return new Saved(false, rs.getString(1), rs.getString(2));
                        }
                    }
                }
                boolean created;
                try (PreparedStatement up = conn.prepareStatement("""
                        INSERT INTO campaign (campaign_id, name, channels, daily_budget_micros, min_daily_micros, max_daily_micros,
                                              target_segments, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (campaign_id) DO UPDATE SET name = excluded.name, channels = excluded.channels,
                          daily_budget_micros = excluded.daily_budget_micros, min_daily_micros = excluded.min_daily_micros,
                          max_daily_micros = excluded.max_daily_micros, target_segments = excluded.target_segments,
                          active = excluded.active, updated_at = now()
                        RETURNING (xmax = 0)""")) {
                    up.setString(1, c.campaignId());
                    up.setString(2, c.name());
                    up.setArray(3, conn.createArrayOf("text", c.channels().toArray()));
                    up.setLong(4, r.dailyBudgetMicros());
                    up.setLong(5, c.minDailySpendMicros());
                    up.setLong(6, c.maxDailySpendMicros());
                    up.setArray(7, conn.createArrayOf("text", c.targetSegments().stream().sorted().toArray()));
                    up.setBoolean(8, c.active());
                    try (ResultSet rs = up.executeQuery()) {
                        rs.next();
                        created = rs.getBoolean(1);
                    }
                }
                try (PreparedStatement del = conn.prepareStatement("DELETE FROM campaign_ad WHERE campaign_id = ?");
                     PreparedStatement ad = conn.prepareStatement(
                             "INSERT INTO campaign_ad (ad_id, campaign_id, position, name, creative) VALUES (?, ?, ?, ?, ?)")) {
                    del.setString(1, c.campaignId());
                    del.executeUpdate();
                    int i = 0;
                    for (Ad a : c.ads()) {
                        ad.setString(1, a.adId());
                        ad.setString(2, c.campaignId());
                        ad.setInt(3, i++);
                        ad.setString(4, a.name());
                        ad.setString(5, a.creative());
                        ad.addBatch();
                    }
                    ad.executeBatch();
                }
                conn.commit();
                return new Saved(created, null, null);
            } catch (SQLException e) {
                conn.rollback();
                throw e;
            }
        }
    }

    public Optional<Registered> find(String campaignId) throws SQLException {
        List<Registered> found = query(SELECT + " WHERE campaign_id = ?", campaignId);
        return found.stream().findFirst();
    }

    /** Every registered campaign, by id. */
    public List<Registered> all() throws SQLException {
        return query(SELECT + " ORDER BY campaign_id", null);
    }

    /** The campaign an ad is registered under, if any. */
    public Optional<String> campaignOfAd(String adId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT campaign_id FROM campaign_ad WHERE ad_id = ?")) {
            s.setString(1, adId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private List<Registered> query(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            Map<String, Row> rows = new LinkedHashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getString(1), new Row(rs.getString(2), texts(rs.getArray(3)), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            texts(rs.getArray(7)), rs.getBoolean(8)));
                }
            }
            Map<String, List<Ad>> ads = new HashMap<>();
            if (!rows.isEmpty()) {
                try (PreparedStatement a = c.prepareStatement(
                        "SELECT campaign_id, ad_id, name, creative FROM campaign_ad WHERE campaign_id = ANY (?) ORDER BY campaign_id, position")) {
                    a.setArray(1, c.createArrayOf("text", rows.keySet().toArray()));
                    try (ResultSet rs = a.executeQuery()) {
                        while (rs.next()) {
                            ads.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Ad(rs.getString(2), rs.getString(3), rs.getString(4)));
                        }
                    }
                }
            }
            List<Registered> out = new ArrayList<>(rows.size());
            for (var e : rows.entrySet()) {
                Row v = e.getValue();
                out.add(new Registered(new Campaign(e.getKey(), v.name(), v.channels(), v.min(), v.max(), new LinkedHashSet<>(v.segments()),
                        ads.getOrDefault(e.getKey(), List.of()), v.active()), v.budget()));
            }
            return out;
        }
    }

    private record Row(String name, List<String> channels, long budget, long min, long max, List<String> segments, boolean active) {
    }

    static List<String> texts(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.asList((String[]) a.getArray());
    }
}
