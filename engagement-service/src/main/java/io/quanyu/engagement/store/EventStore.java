package io.quanyu.engagement.store;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.domain.Birthday;
import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Trigger;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.CartChange;
import io.quanyu.events.data.CouponRedeemed;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.MessageFeedback;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.support.ErasedKeyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Applies a batch of events.v1 in one transaction: cart changes and first purchases start triggers of the active journeys
 * of those kinds, purchases are kept for the wait and the uplift, message feedback is counted per action, birthdays are kept, coupon redemptions move offer budgets, identify traits set consent.
 * Every write is keyed by the event id, so a redelivered batch changes nothing; events of a customer erased after
 * they happened are skipped.
 */
@ApplicationScoped
public class EventStore {

    /** The identify trait listing channels the customer opted out of (comma-separated, or {@code all}; empty: none). */
    public static final String OPT_OUT_TRAIT = "marketing_opt_out";

    /** What a batch changed. */
    public record Applied(int stored, int triggers, int redeemed, int refused) {
    }

    private final DataSource dataSource;
    private final EngagementConfig config;
    private final Redemptions redemptions;

    public EventStore(DataSource dataSource, EngagementConfig config, Redemptions redemptions) {
        this.dataSource = dataSource;
        this.config = config;
        this.redemptions = redemptions;
    }

    public Applied apply(List<CloudEvent> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Guard.GUARD.beforeWrite(c);
                Map<String, Instant> erased = erasedAt(c, batch.stream().map(CloudEvent::subject).distinct().toList());
                List<Journey> journeys = Definitions.activeJourneys(c, Trigger.EVENT_KINDS);
                boolean firstPurchaseJourneys = journeys.stream().anyMatch(j -> Trigger.FIRST_PURCHASE.equals(j.trigger().kind()));
                int stored = 0;
                int triggers = 0;
                int redeemed = 0;
                int refused = 0;
                Instant now = Instant.now();
                for (CloudEvent e : batch) {
                    Instant erasedAt = erased.get(e.subject());
                    if (erasedAt != null && !erasedAt.isBefore(e.time())) {
                        continue;
                    }
                    Optional<EventType> type = e.eventType();
                    if (type.isEmpty()) {
                        continue;
                    }
                    switch (type.get()) {
                        case ADD_TO_CART -> {
                            if (e.time().isAfter(now.minus(config.maxTriggerAge()))) {
                                int n = trigger(c, e, Trigger.CART_ABANDONED, List.of(e.data(CartChange.class).productId()), journeys);
                                triggers += n;
                                stored += n > 0 ? 1 : 0;
                            }
                        }
                        case PURCHASE -> {
                            Purchase p = e.data(Purchase.class);
                            // First purchase: none before it under any key of the customer (checked before this one is stored).
                            if (firstPurchaseJourneys && e.time().isAfter(now.minus(config.maxTriggerAge())) && !CustomerLinks.boughtBefore(c, e.subject(), e.time())) {
                                triggers += trigger(c, e, Trigger.FIRST_PURCHASE,
                                        p.lines() == null ? List.of() : p.lines().stream().map(OrderLine::productId).distinct().toList(), journeys);
                            }
                            stored += purchase(c, e, p);
                        }
                        case MESSAGE_DELIVERED, MESSAGE_OPENED, MESSAGE_CLICKED -> stored += feedback(c, e, e.data(MessageFeedback.class));
                        case COUPON_REDEEMED -> {
                            Redemptions.Result r = redemptions.apply(c, e, e.data(CouponRedeemed.class));
                            if (r != Redemptions.Result.DUPLICATE) {
                                stored++;
                                redeemed += r == Redemptions.Result.ACCEPTED ? 1 : 0;
                                refused += r == Redemptions.Result.ACCEPTED ? 0 : 1;
                            }
                        }
                        case IDENTIFY -> stored += consent(c, e, e.data(Identify.class));
                        default -> {
                        }
                    }
                }
                c.commit();
                return new Applied(stored, triggers, redeemed, refused);
            } catch (SQLException | RuntimeException ex) {
                c.rollback();
                throw ex;
            }
        }
    }

    private static Map<String, Instant> erasedAt(Connection c, List<String> keys) throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT k, e.erased_at FROM unnest(?::text[]) k JOIN erased_key e ON e.key_digest = "
                + ErasedKeyGuard.digestOf("k"))) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        return out;
    }

    /** One pending trigger per journey of this kind that counts this channel; none while one is already pending (the same abandoned cart). */
    private static int trigger(Connection c, CloudEvent e, String kind, List<String> items, List<Journey> journeys) throws SQLException {
        int n = 0;
        for (Journey j : journeys) {
            if (j.trigger().kind().equals(kind) && j.triggeredOn(e.channel())) {
                n += insertTrigger(c, j, e.subject(), e.id(), e.channel(), items, e.time());
            }
        }
        return n;
    }

    /** A pending trigger due after the journey's wait; 0 when this one exists or another is pending for the customer. */
    static int insertTrigger(Connection c, Journey j, String customerKey, String triggerId, String channel, List<String> items, Instant at)
            throws SQLException {
        return insertTrigger(c, j.journeyId(), customerKey, triggerId, channel, items, at, j.waitDuration());
    }

    /** A pending trigger due {@code wait} after {@code at}; 0 when this one exists or another is pending for the customer. */
    static int insertTrigger(Connection c, String journeyId, String customerKey, String triggerId, String channel, List<String> items, Instant at,
                             Duration wait) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO journey_trigger (journey_id, customer_key, trigger_event_id, channel, items, triggered_at, due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            s.setString(1, journeyId);
            s.setString(2, customerKey);
            s.setString(3, triggerId);
            s.setString(4, channel);
            s.setArray(5, c.createArrayOf("text", items.toArray()));
            s.setTimestamp(6, Timestamp.from(at));
            s.setTimestamp(7, Timestamp.from(at.plus(wait)));
            return s.executeUpdate();
        }
    }

    /**
     * Feedback on an action this service wrote to the event's customer (any of its keys); other action ids, and feedback
     * on another customer's action, are ignored: a channel cannot inflate the figures of actions it did not deliver.
     */
    private static int feedback(Connection c, CloudEvent e, MessageFeedback f) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO action_feedback (event_id, action_id, kind, at) SELECT ?, a.action_id, ?, ? FROM engagement_action a
                WHERE a.action_id = ? AND a.customer_key IN """ + CustomerLinks.KEYS_OF + " ON CONFLICT (event_id) DO NOTHING")) {
            s.setString(1, e.id());
            s.setString(2, e.eventType().orElseThrow().wire());
            s.setTimestamp(3, Timestamp.from(e.time()));
            s.setString(4, f.actionId());
            s.setString(5, e.subject());
            s.setString(6, e.subject());
            return s.executeUpdate();
        }
    }

    private static int purchase(Connection c, CloudEvent e, Purchase p) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO purchase (event_id, customer_key, channel, order_id, amount, currency, at) VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""")) {
            s.setString(1, e.id());
            s.setString(2, e.subject());
            s.setString(3, e.channel());
            s.setString(4, p.orderId());
            s.setBigDecimal(5, p.amount());
            s.setString(6, p.currency());
            s.setTimestamp(7, Timestamp.from(e.time()));
            return s.executeUpdate();
        }
    }

    /** Consent from the opt-out trait: every channel listed (or all) opted out, the others opted in; a later setting wins. */
    private static int consent(Connection c, CloudEvent e, Identify id) throws SQLException {
        if (id.traits() == null) {
            return 0;
        }
        int birthday = id.traits().containsKey(Birthday.TRAIT) ? Birthdays.store(c, e.subject(), id.traits().get(Birthday.TRAIT), e.channel(), e.time()) : 0;
        if (!id.traits().containsKey(OPT_OUT_TRAIT)) {
            return birthday;
        }
        String raw = id.traits().get(OPT_OUT_TRAIT);
        Set<String> listed = raw == null ? Set.of() : Set.of(raw.toLowerCase(Locale.ROOT).replace(" ", "").split(","));
        // An identify from a client (not verified by the shop's back end) may opt out, never back in: anyone can send one
        // naming any key, and must not give consent on someone else's behalf.
        return ConsentStore.set(c, e.subject(), channel -> listed.contains("all") || listed.contains(channel), "identify", e.time(), id.fromTrustedSource());
    }
}
