package io.quanyu.ads.store;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.config.Currencies;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.UserKey;
import io.quanyu.events.data.AdEvent;
import io.quanyu.events.data.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;

/** Stores a batch of events.v1 in one transaction: idempotent daily counters, touches, orders, and the (re)attribution they call for. */
@ApplicationScoped
public class EventStore {

    /** What a batch changed. */
    public record Applied(int stored, int skippedCurrency, Map<AttributionModel, Attribution.Tally> attributed) {
    }

    /** Ad platforms report clicks without a user as the campaign's own anonymous key: those can never join a purchase. */
    static final String CAMPAIGN_KEY_PREFIX = UserKey.ANONYMOUS_PREFIX + "campaign:";

    private record AdRow(String eventId, LocalDate day, String campaignId, String adId, String channel, long impressions, long clicks,
                         long costMicros) {
    }

    private record OrderRow(String orderId, String userKey, java.time.Instant at, LocalDate day, long amountMicros) {
    }

    private final DataSource dataSource;
    private final Attribution attribution;
    private final Currencies currencies;
    private final ZoneId zone;

    public EventStore(DataSource dataSource, Attribution attribution, Currencies currencies, AdsConfig config) {
        this.dataSource = dataSource;
        this.attribution = attribution;
        this.currencies = currencies;
        this.zone = config.reportingZone();
    }

    /** The channel an ad event is counted under: the event's channel, or the platform for events from the ads channel. */
    public static String channelOf(CloudEvent e, AdEvent d) {
        return Channel.ADS.wire().equals(e.channel()) ? d.platform() : e.channel();
    }

    public Applied apply(List<CloudEvent> events) throws SQLException {
        Map<String, AdRow> ads = new LinkedHashMap<>();
        Map<String, OrderRow> orders = new LinkedHashMap<>();
        int skipped = 0;
        for (CloudEvent e : events) {
            EventType type = e.eventType().orElse(null);
            if (type == EventType.AD_IMPRESSION || type == EventType.AD_CLICK || type == EventType.AD_COST) {
                AdEvent d = e.data(AdEvent.class);
                long cost = 0;
                if (d.costMicros() != null && d.costMicros() > 0) {
                    Optional<BigDecimal> converted = currencies.toReporting(Micros.toDecimal(d.costMicros()), d.currency());
                    if (converted.isEmpty()) {
                        skipped++;
                    }
                    cost = converted.map(Micros::of).orElse(0L);
                }
                ads.putIfAbsent(e.id(), new AdRow(e.id(), LocalDate.ofInstant(e.time(), zone), d.campaignId(), d.adId(), channelOf(e, d),
                        type == EventType.AD_IMPRESSION ? 1 : 0, type == EventType.AD_CLICK ? 1 : 0, cost));
            } else if (type == EventType.PURCHASE) {
                Purchase p = e.data(Purchase.class);
                Optional<BigDecimal> amount = currencies.toReporting(p.amount(), p.currency());
                if (amount.isEmpty()) {
                    skipped++;
                    continue;
                }
                orders.putIfAbsent(p.orderId(), new OrderRow(p.orderId(), e.subject(), e.time(), LocalDate.ofInstant(e.time(), zone),
                        Micros.of(amount.get())));
            }
        }
        if (ads.isEmpty() && orders.isEmpty()) {
            return new Applied(0, skipped, Map.of());
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Set<String> fresh = counters(c, new ArrayList<>(ads.values()));
                int stored = fresh.size();
                // Only fresh clicks become touches: a click redelivered after an erasure must not bring the customer back.
                List<AdRow> clicks = ads.values().stream().filter(r -> r.clicks() > 0 && fresh.contains(r.eventId())).toList();
                List<String> newTouches = touches(c, clicks, events);
                List<String> newOrders = orders(c, new ArrayList<>(orders.values()));
                stored += newOrders.size();
                Set<String> toAttribute = new LinkedHashSet<>(newOrders);
                toAttribute.addAll(attribution.ordersReachedBy(c, newTouches));
                Map<AttributionModel, Attribution.Tally> tallies = attribution.attribute(c, toAttribute);
                c.commit();
                return new Applied(stored, skipped, tallies);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Adds the fresh events' counts to the daily rows; returns the ids of the fresh events. */
    private static Set<String> counters(Connection c, List<AdRow> rows) throws SQLException {
        Set<String> fresh = new LinkedHashSet<>();
        if (rows.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement s = c.prepareStatement("""
                WITH input AS (SELECT * FROM unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[])
                               AS i (event_id, day, campaign_id, ad_id, channel, impressions, clicks, cost)),
                fresh AS (INSERT INTO ad_event_seen (event_id) SELECT event_id FROM input ON CONFLICT DO NOTHING RETURNING event_id),
                counted AS (INSERT INTO ad_daily (campaign_id, day, ad_id, channel, impressions, clicks, cost_micros)
                            SELECT i.campaign_id, i.day, i.ad_id, i.channel, sum(i.impressions), sum(i.clicks), sum(i.cost)
                            FROM input i JOIN fresh f ON f.event_id = i.event_id
                            GROUP BY i.campaign_id, i.day, i.ad_id, i.channel ORDER BY i.campaign_id, i.day, i.ad_id, i.channel
                            ON CONFLICT (campaign_id, day, ad_id, channel) DO UPDATE SET impressions = ad_daily.impressions + excluded.impressions,
                              clicks = ad_daily.clicks + excluded.clicks, cost_micros = ad_daily.cost_micros + excluded.cost_micros)
                SELECT event_id FROM fresh""")) {
            s.setArray(1, texts(c, rows, AdRow::eventId));
            s.setArray(2, texts(c, rows, r -> r.day().toString()));
            s.setArray(3, texts(c, rows, AdRow::campaignId));
            s.setArray(4, texts(c, rows, AdRow::adId));
            s.setArray(5, texts(c, rows, AdRow::channel));
            s.setArray(6, c.createArrayOf("bigint", rows.stream().map(AdRow::impressions).toArray()));
            s.setArray(7, c.createArrayOf("bigint", rows.stream().map(AdRow::clicks).toArray()));
            s.setArray(8, c.createArrayOf("bigint", rows.stream().map(AdRow::costMicros).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
            return fresh;
        }
    }

    /** Stores the clicks that name a user as touches; returns the event ids of those not stored before. */
    private static List<String> touches(Connection c, List<AdRow> clicks, List<CloudEvent> events) throws SQLException {
        Map<String, CloudEvent> byId = new LinkedHashMap<>();
        for (CloudEvent e : events) {
            byId.putIfAbsent(e.id(), e);
        }
        List<AdRow> named = clicks.stream().filter(r -> !byId.get(r.eventId()).subject().startsWith(CAMPAIGN_KEY_PREFIX)).toList();
        List<String> fresh = new ArrayList<>();
        if (named.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ad_touch (event_id, user_key, at, campaign_id, ad_id, channel)
                SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[])
                ON CONFLICT (event_id) DO NOTHING RETURNING event_id""")) {
            s.setArray(1, texts(c, named, AdRow::eventId));
            s.setArray(2, texts(c, named, r -> byId.get(r.eventId()).subject()));
            s.setArray(3, texts(c, named, r -> byId.get(r.eventId()).time().toString()));
            s.setArray(4, texts(c, named, AdRow::campaignId));
            s.setArray(5, texts(c, named, AdRow::adId));
            s.setArray(6, texts(c, named, AdRow::channel));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Stores orders not seen before; returns their ids. */
    private static List<String> orders(Connection c, List<OrderRow> rows) throws SQLException {
        List<String> fresh = new ArrayList<>();
        if (rows.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO ad_order (order_id, user_key, at, day, amount_micros)
                SELECT * FROM unnest(?::text[], ?::text[], ?::timestamptz[], ?::date[], ?::bigint[])
                ON CONFLICT (order_id) DO NOTHING RETURNING order_id""")) {
            s.setArray(1, texts(c, rows, OrderRow::orderId));
            s.setArray(2, texts(c, rows, OrderRow::userKey));
            s.setArray(3, texts(c, rows, r -> r.at().toString()));
            s.setArray(4, texts(c, rows, r -> r.day().toString()));
            s.setArray(5, c.createArrayOf("bigint", rows.stream().map(OrderRow::amountMicros).toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    fresh.add(rs.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Forgets ad event ids older than the retention (events.v1 no longer holds them, so they cannot come again). */
    public int pruneSeen(java.time.Duration retention) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM ad_event_seen WHERE seen_at < now() - make_interval(secs => ?)")) {
            s.setDouble(1, retention.toSeconds());
            return s.executeUpdate();
        }
    }

    private static <T> java.sql.Array texts(Connection c, List<T> rows, Function<T, String> f) throws SQLException {
        return c.createArrayOf("text", rows.stream().map(f).toArray());
    }
}
