package io.quanyu.chatbot.store;

import io.quanyu.chatbot.domain.dialogue.DialogueState;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.Json;
import io.quanyu.events.SupportHandoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Sessions and their turns. A turn is taken in one transaction holding the session's row lock, so two turns of one
 * session (on any instance) are answered one after the other, each seeing the state the previous one left.
 */
@ApplicationScoped
public class ConversationStore {

    /** A session as a turn finds it: its owner, the state to continue from, and where its current conversation began. */
    public record Session(String sessionId, String userKey, DialogueState state, int turns, Instant startedAt) {
    }

    /** No session of this id belongs to the caller: it never existed, expired, was erased, or is someone else's. */
    public static final class UnknownSession extends Exception {
        public UnknownSession() {
            super("no such session for this caller: start a new one (send no session_id)", null, false, false);
        }
    }

    private final DataSource dataSource;

    public ConversationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connection in a transaction, for {@link #lock} and what follows it. */
    public Connection begin() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        return c;
    }

    /** Creates a session the server named, owned by userKey; the transaction holds its new row until commit. */
    public Session open(Connection c, String sessionId, String userKey, String channel, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO chat_session (session_id, user_key, channel, state, started_at, updated_at) VALUES (?, ?, ?, ?::jsonb, ?, ?)")) {
            insert.setString(1, sessionId);
            insert.setString(2, userKey);
            insert.setString(3, channel);
            insert.setString(4, json(DialogueState.fresh()));
            insert.setTimestamp(5, Timestamp.from(now));
            insert.setTimestamp(6, Timestamp.from(now));
            insert.executeUpdate();
        }
        return new Session(sessionId, userKey, DialogueState.fresh(), 0, now);
    }

    /**
     * Locks an existing session of this owner. A session id is no credential: one that another customer, or an anonymous
     * chat, owns is answered like one that does not exist. A session idle longer than ttl starts a new conversation
     * (fresh state, transcript from now).
     */
    public Session lock(Connection c, String sessionId, String userKey, Instant now, Duration ttl) throws SQLException, UnknownSession {
        try (PreparedStatement select = c.prepareStatement(
                "SELECT user_key, state, turns, started_at, updated_at FROM chat_session WHERE session_id = ? FOR UPDATE")) {
            select.setString(1, sessionId);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(userKey)) {
                    throw new UnknownSession();
                }
                Instant updated = rs.getTimestamp(5).toInstant();
                if (updated.isBefore(now.minus(ttl))) {
                    return new Session(sessionId, userKey, DialogueState.fresh(), rs.getInt(3), now);
                }
                return new Session(sessionId, userKey, state(rs.getString(2)), rs.getInt(3), rs.getTimestamp(4).toInstant());
            }
        }
    }

    /** Records a turn and the session's new state (and owner, channel and conversation start). */
    public void saveTurn(Connection c, Session s, ChatTurn turn, DialogueState next) throws SQLException {
        try (PreparedStatement t = c.prepareStatement("""
                INSERT INTO chat_turn (turn_id, session_id, seq, user_key, channel, language, text, reply, intent, confidence, sentiment,
                                       entities, answered_by, handoff, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement u = c.prepareStatement("""
                UPDATE chat_session SET user_key = ?, channel = ?, state = ?::jsonb, turns = ?, started_at = ?, updated_at = ?
                WHERE session_id = ?""")) {
            t.setString(1, turn.turnId());
            t.setString(2, turn.sessionId());
            t.setInt(3, s.turns() + 1);
            t.setString(4, turn.userKey());
            t.setString(5, turn.channel());
            t.setString(6, turn.language());
            t.setString(7, turn.text());
            t.setString(8, turn.reply());
            t.setString(9, turn.intent());
            t.setDouble(10, turn.confidence());
            t.setDouble(11, turn.sentiment());
            t.setArray(12, c.createArrayOf("text", turn.entities().toArray()));
            t.setString(13, turn.answeredBy());
            t.setBoolean(14, turn.handoff());
            t.setTimestamp(15, Timestamp.from(turn.at()));
            t.executeUpdate();
            u.setString(1, turn.userKey());
            u.setString(2, turn.channel());
            u.setString(3, json(next));
            u.setInt(4, s.turns() + 1);
            u.setTimestamp(5, Timestamp.from(s.startedAt()));
            u.setTimestamp(6, Timestamp.from(turn.at()));
            u.setString(7, s.sessionId());
            u.executeUpdate();
        }
    }

    /** The current conversation's lines, oldest first: each turn is the customer's line and the bot's reply. */
    public List<SupportHandoff.Line> transcript(Connection c, String sessionId, Instant since) throws SQLException {
        List<SupportHandoff.Line> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT text, reply, intent, at FROM chat_turn WHERE session_id = ? AND at >= ? ORDER BY seq")) {
            s.setString(1, sessionId);
            s.setTimestamp(2, Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getTimestamp(4).toInstant();
                    lines.add(new SupportHandoff.Line("customer", rs.getString(1), rs.getString(3), at));
                    lines.add(new SupportHandoff.Line("bot", rs.getString(2), null, at));
                }
            }
        }
        return lines;
    }

    public void saveHandoff(Connection c, SupportHandoff h) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO chat_handoff (ticket_id, session_id, user_key, record, at) VALUES (?, ?, ?, ?::jsonb, ?)")) {
            s.setString(1, h.ticketId());
            s.setString(2, h.sessionId());
            s.setString(3, h.userKey());
            s.setString(4, json(h));
            s.setTimestamp(5, Timestamp.from(h.requestedAt()));
            s.executeUpdate();
        }
    }

    /** The latest hand-offs, newest first, as they were published (transcripts masked), for the agents' queue. */
    public List<SupportHandoff> recentHandoffs(int limit) throws SQLException {
        List<SupportHandoff> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT record FROM chat_handoff ORDER BY at DESC, ticket_id LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.MAPPER.readValue(rs.getString(1), SupportHandoff.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** One stored turn of a customer, as the back office sees it (the text as stored: phones masked). */
    public record CustomerTurn(String turnId, String sessionId, String userKey, String channel, String language, String text, String reply,
                               String intent, double sentiment, boolean handoff, Instant at) {
    }

    /** The latest turns under any of a customer's keys, newest first. */
    public List<CustomerTurn> turnsOf(List<String> keys, int limit) throws SQLException {
        List<CustomerTurn> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT turn_id, session_id, user_key, channel, language, text, reply, intent, sentiment, handoff, at
                FROM chat_turn WHERE user_key = ANY(?) ORDER BY at DESC, seq DESC LIMIT ?""")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new CustomerTurn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getBoolean(10), rs.getTimestamp(11).toInstant()));
                }
            }
        }
        return out;
    }

    /** The latest hand-offs of any of a customer's keys, newest first, as published. */
    public List<SupportHandoff> handoffsOf(List<String> keys, int limit) throws SQLException {
        List<SupportHandoff> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT record FROM chat_handoff WHERE user_key = ANY(?) ORDER BY at DESC, ticket_id LIMIT ?")) {
            s.setArray(1, c.createArrayOf("text", keys.toArray()));
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(Json.MAPPER.readValue(rs.getString(1), SupportHandoff.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** A session's whole stored transcript (every conversation in it), for an agent; empty when unknown. */
    public Optional<List<SupportHandoff.Line>> transcript(String sessionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM chat_session WHERE session_id = ?")) {
            s.setString(1, sessionId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
            }
            return Optional.of(transcript(c, sessionId, Instant.EPOCH));
        }
    }

    /** Forgets sessions idle longer than ttl (their turns stay, as transcripts, until erased). */
    public int expire(Instant now, Duration ttl) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM chat_session WHERE updated_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now.minus(ttl)));
            return s.executeUpdate();
        }
    }

    /** Deletes the sessions, turns (with their feedback) and hand-offs of these keys. */
    public int erase(List<String> userKeys) throws SQLException {
        try (Connection c = begin()) {
            int n = 0;
            for (String table : List.of("chat_handoff", "chat_turn", "chat_session")) {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE user_key = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("text", userKeys.toArray()));
                    n += s.executeUpdate();
                }
            }
            c.commit();
            return n;
        }
    }

    private static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DialogueState state(String json) {
        try {
            return Json.MAPPER.readValue(json, DialogueState.class);
        } catch (IOException e) {
            // A state written by an older version that no longer reads: start the conversation over rather than fail the turn.
            return DialogueState.fresh();
        }
    }
}
