package io.quanyu.chatbot.store;

import io.quanyu.events.ChatTurn;
import io.quanyu.events.Json;
import io.quanyu.events.SupportHandoff;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

/**
 * Turns and hand-offs not yet on Kafka. A batch is claimed with SKIP LOCKED, so instances never send the same rows at
 * once, and marked published only after the broker acknowledged it; a failure leaves it for the next round.
 */
@ApplicationScoped
public class OutboxStore {

    /** Sends a batch and returns once the broker has acknowledged every record (or throws). */
    @FunctionalInterface
    public interface Sender<T> {
        void send(List<T> batch) throws Exception;
    }

    private final DataSource dataSource;

    public OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Publishes up to limit unpublished turns, oldest first; returns how many. */
    public int publishTurns(int limit, Sender<ChatTurn> sender) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<ChatTurn> batch = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT turn_id, session_id, user_key, channel, language, text, reply, intent, confidence, sentiment, entities,
                           answered_by, handoff, at FROM chat_turn WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED""")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Array entities = rs.getArray(11);
                        batch.add(new ChatTurn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10),
                                Arrays.asList((String[]) entities.getArray()), rs.getString(12), rs.getBoolean(13), rs.getTimestamp(14).toInstant()));
                    }
                }
            }
            return finish(c, batch, sender, "chat_turn", "turn_id", batch.stream().map(ChatTurn::turnId).toList());
        }
    }

    /** Publishes up to limit unpublished hand-offs, oldest first; returns how many. */
    public int publishHandoffs(int limit, Sender<SupportHandoff> sender) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<SupportHandoff> batch = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT record FROM chat_handoff WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        batch.add(read(rs.getString(1)));
                    }
                }
            }
            return finish(c, batch, sender, "chat_handoff", "ticket_id", batch.stream().map(SupportHandoff::ticketId).toList());
        }
    }

    private static <T> int finish(Connection c, List<T> batch, Sender<T> sender, String table, String idColumn, List<String> ids)
            throws Exception {
        if (batch.isEmpty()) {
            c.rollback();
            return 0;
        }
        try {
            sender.send(batch);
            try (PreparedStatement u = c.prepareStatement("UPDATE " + table + " SET published = true WHERE " + idColumn + " = ANY (?)")) {
                u.setArray(1, c.createArrayOf("text", ids.toArray()));
                u.executeUpdate();
            }
            c.commit();
            return batch.size();
        } catch (Exception e) {
            c.rollback();
            throw e;
        }
    }

    private static SupportHandoff read(String json) throws IOException {
        return Json.MAPPER.readValue(json, SupportHandoff.class);
    }
}
