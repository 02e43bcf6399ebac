package io.quanyu.ads.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quanyu.events.AdsDecision;
import io.quanyu.events.Json;
import io.quanyu.support.OutboxDrain;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Budget decisions and the outbox of ads.decisions.v1: marked published only once the broker acknowledged them. */
@ApplicationScoped
public class DecisionStore {

    /** The answer is stored as the API gave it: snake_case with nulls (the published record omits them, as every topic does). */
    private static final ObjectMapper ANSWERS = Json.MAPPER.copy().setSerializationInclusion(JsonInclude.Include.ALWAYS);

    private final DataSource dataSource;
    private final OutboxDrain<AdsDecision> outbox;

    public DecisionStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.outbox = new OutboxDrain<>(dataSource, "SELECT record::text FROM ad_decision WHERE NOT published ORDER BY decided_at LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> read(rs.getString(1)), "ad_decision", "decision_id", AdsDecision::decisionId);
    }

    /** Stores a decision and the JSON answer given for it, unpublished. */
    public void save(AdsDecision decision, Object answer) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                INSERT INTO ad_decision (decision_id, policy, record, response, decided_at) VALUES (?, ?, ?::jsonb, ?::jsonb, ?)""")) {
            s.setString(1, decision.decisionId());
            s.setString(2, decision.policy());
            s.setString(3, json(Json.MAPPER, decision));
            s.setString(4, json(ANSWERS, answer));
            s.setTimestamp(5, Timestamp.from(decision.decidedAt()));
            s.executeUpdate();
        }
    }

    /** The answer given for a decision, as stored. */
    public Optional<String> answer(String decisionId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT response::text FROM ad_decision WHERE decision_id = ?")) {
            s.setString(1, decisionId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** Publishes up to limit unpublished decisions, oldest first; returns how many. */
    public int publish(int limit, OutboxDrain.Sender<AdsDecision> sender) throws Exception {
        return outbox.publish(limit, sender);
    }

    /** Decisions not yet acknowledged by Kafka (for tests and the README's operations notes). */
    public int unpublished() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT count(*) FROM ad_decision WHERE NOT published");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static String json(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static AdsDecision read(String json) throws IOException {
        return Json.MAPPER.readValue(json, AdsDecision.class);
    }
}
