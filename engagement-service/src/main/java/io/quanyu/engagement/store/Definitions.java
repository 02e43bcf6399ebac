package io.quanyu.engagement.store;

import io.quanyu.engagement.domain.Journey;
import io.quanyu.engagement.domain.Trigger;
import io.quanyu.engagement.domain.Offer;
import io.quanyu.events.Json;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Offers and journeys as saved by admins (JSON definitions), with the offers' budget counters. */
@ApplicationScoped
public class Definitions {

    /** An offer with whether it is active and what it has given so far. */
    public record StoredOffer(Offer offer, boolean active, long granted, long redemptions, BigDecimal spent) {
    }

    /** A journey with whether it is active. */
    public record StoredJourney(Journey journey, boolean active) {
    }

    private final DataSource dataSource;

    public Definitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Creates (true) or replaces (false) an offer; a replaced offer keeps its counters and becomes active. */
    public boolean saveOffer(Offer o) throws SQLException {
        return save("""
                INSERT INTO offer (offer_id, definition, active, created_at, updated_at) VALUES (?, ?::jsonb, true, ?, ?)
                ON CONFLICT (offer_id) DO UPDATE SET definition = excluded.definition, active = true, updated_at = excluded.updated_at
                RETURNING (xmax = 0)""", o.offerId(), json(o), null);
    }

    public boolean saveJourney(Journey j) throws SQLException {
        return save("""
                INSERT INTO journey (journey_id, definition, active, created_at, updated_at, trigger_kind) VALUES (?, ?::jsonb, true, ?, ?, ?)
                ON CONFLICT (journey_id) DO UPDATE SET definition = excluded.definition, active = true, updated_at = excluded.updated_at,
                    trigger_kind = excluded.trigger_kind
                RETURNING (xmax = 0)""", j.journeyId(), json(j), j.trigger().kind());
    }

    private boolean save(String sql, String id, String json, String kind) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            s.setString(2, json);
            s.setTimestamp(3, now);
            s.setTimestamp(4, now);
            if (kind != null) {
                s.setString(5, kind);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Stops an offer: no more grants or redemptions; false when there is none. */
    public boolean deactivateOffer(String id) throws SQLException {
        return update("UPDATE offer SET active = false, updated_at = now() WHERE offer_id = ?", id);
    }

    /** Stops a journey: no more triggers, pending ones cancelled; false when there is none. */
    public boolean deactivateJourney(String id) throws SQLException {
        return update("UPDATE journey SET active = false, updated_at = now() WHERE journey_id = ?", id);
    }

    private boolean update(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, id);
            return s.executeUpdate() == 1;
        }
    }

    public Optional<StoredOffer> offer(String id) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return offer(c, id, false);
        }
    }

    /** The offer, locked for update when asked (a grant or redemption moves its counters). */
    static Optional<StoredOffer> offer(Connection c, String id, boolean lock) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT definition, active, granted, redemptions, spent FROM offer WHERE offer_id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(readOffer(rs)) : Optional.empty();
            }
        }
    }

    public List<StoredOffer> offers() throws SQLException {
        List<StoredOffer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT definition, active, granted, redemptions, spent FROM offer ORDER BY offer_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(readOffer(rs));
            }
        }
        return out;
    }

    private static StoredOffer readOffer(ResultSet rs) throws SQLException {
        return new StoredOffer(read(rs.getString(1), Offer.class), rs.getBoolean(2), rs.getLong(3), rs.getLong(4), rs.getBigDecimal(5));
    }

    public Optional<StoredJourney> journey(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT definition, active FROM journey WHERE journey_id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new StoredJourney(read(rs.getString(1), Journey.class), rs.getBoolean(2))) : Optional.empty();
            }
        }
    }

    public List<StoredJourney> journeys() throws SQLException {
        List<StoredJourney> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT definition, active FROM journey ORDER BY journey_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new StoredJourney(read(rs.getString(1), Journey.class), rs.getBoolean(2)));
            }
        }
        return out;
    }

    /** Active journeys of a trigger kind, read in the caller's transaction. */
    /** The active journeys started by any of these trigger kinds. */
    static List<Journey> activeJourneys(Connection c, List<String> kinds) throws SQLException {
        List<Journey> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT definition FROM journey WHERE active AND trigger_kind = ANY (?)")) {
            s.setArray(1, c.createArrayOf("text", kinds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs.getString(1), Journey.class));
                }
            }
        }
        return out;
    }

    static List<Journey> activePortraitJourneys(Connection c) throws SQLException {
        return activeJourneys(c, Trigger.PORTRAIT_KINDS);
    }

    static String json(Object o) {
        try {
            return Json.MAPPER.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return Json.MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
