package io.quanyu.chatbot.store;

import io.quanyu.events.ChatTurn;
import io.quanyu.events.Json;
import io.quanyu.events.SupportHandoff;
import io.quanyu.support.OutboxDrain;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import javax.sql.DataSource;

/** Turns and hand-offs not yet on Kafka, oldest first: the chat_turn and chat_handoff tables drained as outboxes (service-support's {@link OutboxDrain}). */
@ApplicationScoped
public class OutboxStore {

    private final OutboxDrain<ChatTurn> turns;
    private final OutboxDrain<SupportHandoff> handoffs;

    public OutboxStore(DataSource dataSource) {
        this.turns = new OutboxDrain<>(dataSource, """
                SELECT turn_id, session_id, user_key, channel, language, text, reply, intent, confidence, sentiment, entities,
                       answered_by, handoff, at FROM chat_turn WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED""",
                rs -> new ChatTurn(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getDouble(9), rs.getDouble(10),
                        Arrays.asList((String[]) rs.getArray(11).getArray()), rs.getString(12), rs.getBoolean(13), rs.getTimestamp(14).toInstant()),
                "chat_turn", "turn_id", ChatTurn::turnId);
        this.handoffs = new OutboxDrain<>(dataSource, "SELECT record FROM chat_handoff WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> Json.MAPPER.readValue(rs.getString(1), SupportHandoff.class), "chat_handoff", "ticket_id", SupportHandoff::ticketId);
    }

    /** Publishes up to limit unpublished turns; returns how many. */
    public int publishTurns(int limit, OutboxDrain.Sender<ChatTurn> sender) throws Exception {
        return turns.publish(limit, sender);
    }

    /** Publishes up to limit unpublished hand-offs; returns how many. */
    public int publishHandoffs(int limit, OutboxDrain.Sender<SupportHandoff> sender) throws Exception {
        return handoffs.publish(limit, sender);
    }
}
