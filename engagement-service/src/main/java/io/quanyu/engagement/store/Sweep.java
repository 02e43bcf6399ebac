package io.quanyu.engagement.store;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.domain.Action;
import io.quanyu.engagement.domain.CodeGenerator;
import io.quanyu.engagement.domain.Condition;
import io.quanyu.engagement.domain.Decider;
import io.quanyu.engagement.domain.FollowUp;
import io.quanyu.engagement.domain.Holdout;
import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Offer;
import io.quanyu.engagement.domain.Outcome;
import io.quanyu.engagement.domain.QuietHours;
import io.quanyu.events.EngagementAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Decides the triggers whose wait is over. A batch is claimed with SKIP LOCKED (instances never decide the same trigger
 * at once) and decided in one transaction: the entry, the action (the outbox row of engagement.actions.v1) and its code
 * commit together with the trigger's new state, or not at all. The action's unique key (journey, customer, trigger
 * event) means a trigger decided again, after a crash or by a second instance, still writes one action. Purchases, consent
 * and the cap count every key of the customer (profile.updates.v1 links them), so a store receipt on a member card
 * converts the web cart it follows.
 */
@ApplicationScoped
public class Sweep {

    /** A due trigger as read. */
    private record Due(String journeyId, String customerKey, String eventId, String channel, List<String> items, Instant triggeredAt) {
    }

    private final DataSource dataSource;
    private final EngagementConfig config;
    private final CodeGenerator codes;
    private volatile Instant lastBirthdayScan;

    public Sweep(DataSource dataSource, EngagementConfig config) {
        this.dataSource = dataSource;
        this.config = config;
        this.codes = new CodeGenerator(new SecureRandom(), config.codeLength());
    }

    /** Decides one batch of due triggers as of {@code now}; returns how many of each outcome. */
    public Map<Outcome, Integer> sweep(Instant now) throws SQLException {
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Guard.GUARD.beforeWrite(c);
                // (Either way from the last scan: tests sweep at chosen instants, ahead of the clock.)
                boolean birthdays = lastBirthdayScan == null || Duration.between(lastBirthdayScan, now).abs().compareTo(config.birthdayScanEvery()) >= 0;
                if (birthdays) {
                    Birthdays.start(c, now);
                }
                Map<String, Optional<Definitions.StoredJourney>> journeys = new HashMap<>();
                for (Due d : due(c, now)) {
                    if (!journeys.containsKey(d.journeyId())) {
                        journeys.put(d.journeyId(), load(c, d.journeyId()));
                    }
                    Outcome o = decide(c, d, journeys.get(d.journeyId()).orElse(null), now);
                    counts.merge(o, 1, Integer::sum);
                }
                c.commit();
                if (birthdays) {
                    lastBirthdayScan = now;
                }
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
        return counts;
    }

    private List<Due> due(Connection c, Instant now) throws SQLException {
        List<Due> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                SELECT journey_id, customer_key, trigger_event_id, channel, items, triggered_at FROM journey_trigger
                WHERE state = 'pending' AND due_at <= ? ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setInt(2, config.sweepBatch());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array items = rs.getArray(5);
                    out.add(new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            Arrays.asList((String[]) items.getArray()), rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    private static Optional<Definitions.StoredJourney> load(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT definition, active FROM journey WHERE journey_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Definitions.StoredJourney(Definitions.read(rs.getString(1), Journey.class), rs.getBoolean(2)))
                        : Optional.empty();
            }
        }
    }

    private Outcome decide(Connection c, Due d, Definitions.StoredJourney stored, Instant now) throws SQLException {
        if (d.eventId().endsWith(Journey.FOLLOW_UP)) {
            return followUp(c, d, stored, now);
        }
        Optional<Boolean> entered = entered(c, d);
        if (entered.isPresent()) {
            // Decided before (a state lost or reset): keep that decision, write nothing again.
            Outcome o = entered.get() ? Outcome.HOLDOUT : Outcome.ACTED;
            finish(c, d, o, now);
            return o;
        }
        boolean active = stored != null && stored.active();
        Journey j = active ? stored.journey() : null;
        List<String> keys = CustomerLinks.keysOf(c, d.customerKey());
        Optional<Journey.Chosen> chosen = j == null ? Optional.empty()
                : j.choose(new Condition.Facts(CustomerLinks.portrait(c, d.customerKey()), d.channel(), CustomerLinks.boughtBefore(c, d.customerKey(), d.triggeredAt())));
        Action action = chosen.map(Journey.Chosen::action).orElse(null);
        String channel = action == null || action.channel() == null ? d.channel() : action.channel();
        Optional<QuietHours> quiet = j == null ? Optional.empty() : j.quiet();
        Optional<Definitions.StoredOffer> offer = action == null || !action.grants() ? Optional.empty() : Definitions.offer(c, action.offerId(), true);
        Decider.Facts facts = new Decider.Facts(active,
                active && j.trigger().exitsOnPurchase() && purchasedBetween(c, keys, d.triggeredAt(), now),
                quiet.map(q -> q.quietAt(now)).orElse(false),
                active && ConsentStore.optedOut(c, keys, channel),
                active && j.frequencyCap() != null ? entriesSince(c, keys, now.minus(Duration.parse(j.frequencyCap().per()))) : 0,
                j == null || j.frequencyCap() == null ? null : j.frequencyCap().max(),
                action != null,
                action != null && (!action.grants() || offer.map(o -> grantable(o, now)).orElse(false)),
                active && Holdout.heldOut(j.journeyId(), d.customerKey(), j.holdoutShare()));
        Outcome o = Decider.decide(facts);
        switch (o) {
            case WAIT -> {
                postpone(c, d, quiet.orElseThrow().nextAllowed(now));
                return o;
            }
            case HOLDOUT -> enter(c, d, true, chosen.orElseThrow(), now);
            case ACTED -> {
                enter(c, d, false, chosen.orElseThrow(), now);
                act(c, d, action, offer.map(Definitions.StoredOffer::offer).orElse(null), channel, now);
            }
            default -> {
            }
        }
        finish(c, d, o, now);
        if (o == Outcome.ACTED && j.followUp() != null) {
            // After finish: the first trigger must no longer be pending (one pending per journey and customer).
            EventStore.insertTrigger(c, j.journeyId(), d.customerKey(), d.eventId() + Journey.FOLLOW_UP, channel, d.items(), now,
                    j.followUp().waitDuration());
        }
        return o;
    }

    /**
     * The follow-up of a treated customer's action: the same rules but the cap (it is part of the same entry) and the
     * holdout draw (the customer is treated); a purchase since the first action ends it when the journey says so.
     */
    private Outcome followUp(Connection c, Due d, Definitions.StoredJourney stored, Instant now) throws SQLException {
        Journey j = stored == null || !stored.active() ? null : stored.journey();
        FollowUp f = j == null ? null : j.followUp();
        Outcome o;
        if (f == null) {
            o = Outcome.CANCELLED;
        } else {
            List<String> keys = CustomerLinks.keysOf(c, d.customerKey());
            String channel = f.action().channel() == null ? d.channel() : f.action().channel();
            Optional<QuietHours> quiet = j.quiet();
            Optional<Definitions.StoredOffer> offer = f.action().grants() ? Definitions.offer(c, f.action().offerId(), true) : Optional.empty();
            o = Decider.decide(new Decider.Facts(true, f.unlessPurchased() && purchasedBetween(c, keys, d.triggeredAt(), now),
                    quiet.map(q -> q.quietAt(now)).orElse(false), ConsentStore.optedOut(c, keys, channel), 0, null, true,
                    !f.action().grants() || offer.map(s -> grantable(s, now)).orElse(false), false));
            if (o == Outcome.WAIT) {
                postpone(c, d, quiet.orElseThrow().nextAllowed(now));
                return o;
            }
            if (o == Outcome.ACTED) {
                act(c, d, f.action(), offer.map(Definitions.StoredOffer::offer).orElse(null), channel, now);
            }
        }
        finish(c, d, o, now);
        return o;
    }

    private static void postpone(Connection c, Due d, Instant until) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE journey_trigger SET due_at = ? WHERE journey_id = ? AND customer_key = ? AND trigger_event_id = ?")) {
            s.setTimestamp(1, Timestamp.from(until));
            key(s, 2, d);
            s.executeUpdate();
        }
    }

    private static void finish(Connection c, Due d, Outcome o, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE journey_trigger SET state = ?, decided_at = ? WHERE journey_id = ? AND customer_key = ? AND trigger_event_id = ?")) {
            s.setString(1, o.wire());
            s.setTimestamp(2, Timestamp.from(now));
            key(s, 3, d);
            s.executeUpdate();
        }
    }

    /** The group of this trigger's entry when it was decided already. */
    private static Optional<Boolean> entered(Connection c, Due d) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT holdout FROM journey_entry WHERE journey_id = ? AND customer_key = ? AND trigger_event_id = ?")) {
            key(s, 1, d);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    /** Whether the offer can be granted now: active, valid, budget and redemption count not used up. */
    private static boolean grantable(Definitions.StoredOffer s, Instant now) {
        Offer o = s.offer();
        return s.active() && o.validAt(now) && (o.budget() == null || s.spent().compareTo(o.budget()) < 0)
                && (o.maxRedemptions() == null || s.redemptions() < o.maxRedemptions());
    }

    private static void key(PreparedStatement s, int from, Due d) throws SQLException {
        s.setString(from, d.journeyId());
        s.setString(from + 1, d.customerKey());
        s.setString(from + 2, d.eventId());
    }

    private static boolean purchasedBetween(Connection c, List<String> keys, Instant since, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM purchase WHERE customer_key = ANY (?) AND at > ? AND at <= ? LIMIT 1")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setTimestamp(2, Timestamp.from(since));
            s.setTimestamp(3, Timestamp.from(now));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Entries of the customer in any journey since then, both groups: the cap treats held-out customers as contacted. */
    private static int entriesSince(Connection c, List<String> keys, Instant since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM journey_entry WHERE customer_key = ANY (?) AND entered_at > ?")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static void enter(Connection c, Due d, boolean holdout, Journey.Chosen chosen, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO journey_entry (journey_id, customer_key, trigger_event_id, holdout, entered_at, branch, offer_id)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            key(s, 1, d);
            s.setBoolean(4, holdout);
            s.setTimestamp(5, Timestamp.from(now));
            s.setObject(6, chosen.branch());
            s.setString(7, chosen.action().offerId());
            s.executeUpdate();
        }
    }

    /** The action, with its code when it grants an offer; nothing when the action of this trigger exists already. */
    private void act(Connection c, Due d, Action a, Offer offer, String channel, Instant now) throws SQLException {
        String code = offer == null ? null : codes.next();
        String actionId = Decider.actionId(d.journeyId(), d.customerKey(), d.eventId());
        EngagementAction action = new EngagementAction(actionId, d.journeyId(), d.customerKey(), channel, a.wireKind(),
                offer == null ? null : offer.offerId(), code, items(c, d, a.recommendations()), d.eventId(), now, a.message());
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO engagement_action (action_id, journey_id, customer_key, trigger_event_id, channel, record, at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?) ON CONFLICT DO NOTHING""")) {
            s.setString(1, actionId);
            key(s, 2, d);
            s.setString(5, channel);
            s.setString(6, Definitions.json(action));
            s.setTimestamp(7, Timestamp.from(now));
            if (s.executeUpdate() == 0) {
                return;
            }
        }
        if (offer != null) {
            Grants.insert(c, code, offer, d.customerKey(), now, actionId);
        }
    }

    /** The trigger's own items (the cart), then up to {@code n} of the customer's recommendations not among them. */
    private static List<String> items(Connection c, Due d, Integer n) throws SQLException {
        LinkedHashSet<String> out = new LinkedHashSet<>(d.items());
        int limit = out.size() + (n == null ? 0 : n);
        for (String item : n == null || n == 0 ? List.<String>of() : CustomerLinks.recommended(c, d.customerKey())) {
            if (out.size() >= limit) {
                break;
            }
            out.add(item);
        }
        return List.copyOf(out);
    }
}
