package io.quanyu.chatbot.store;

import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.ml.LabelledText;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Feedback on answers, and the confirmed examples it yields for retraining the intent model. Feedback is given by a
 * customer on a turn of their own or by the back office (reader, admin); what trains is in {@link #confirmedExamples}.
 */
@ApplicationScoped
public class FeedbackStore {

    public static final String CUSTOMER = "customer";

    /** What became of a piece of feedback. */
    public enum Saved { RECORDED, NO_SUCH_TURN, ALREADY_CONFIRMED }

    /** A customer's correction waiting for the back office to confirm it. */
    public record Pending(String turnId, String text, String intent, String suggestedIntent, String comment, Instant at) {
    }

    private final DataSource dataSource;

    public FeedbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records (or replaces) the feedback on a turn. givenBy is "customer", "reader" or "admin"; a customer's only
     * reaches turns recorded under owner (their key) and never replaces what the back office said.
     */
    public Saved save(String turnId, boolean helpful, String correctIntent, String comment, String givenBy, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement find = c.prepareStatement("""
                         SELECT t.user_key, f.given_by FROM chat_turn t LEFT JOIN chat_feedback f USING (turn_id) WHERE t.turn_id = ? FOR UPDATE OF t""");
                 PreparedStatement upsert = c.prepareStatement("""
                         INSERT INTO chat_feedback (turn_id, helpful, correct_intent, comment, given_by) VALUES (?, ?, ?, ?, ?)
                         ON CONFLICT (turn_id) DO UPDATE SET helpful = excluded.helpful, correct_intent = excluded.correct_intent,
                           comment = excluded.comment, given_by = excluded.given_by, at = now()""")) {
                find.setString(1, turnId);
                try (ResultSet rs = find.executeQuery()) {
                    // Someone else's turn is answered like a missing one: a turn id says nothing about who had it.
                    if (!rs.next() || owner != null && !owner.equals(rs.getString(1))) {
                        c.rollback();
                        return Saved.NO_SUCH_TURN;
                    }
                    String before = rs.getString(2);
                    if (CUSTOMER.equals(givenBy) && before != null && !before.equals(CUSTOMER) && !before.equals("unverified")) {
                        c.rollback();
                        return Saved.ALREADY_CONFIRMED;
                    }
                }
                upsert.setString(1, turnId);
                upsert.setBoolean(2, helpful);
                upsert.setString(3, correctIntent);
                upsert.setString(4, comment);
                upsert.setString(5, givenBy);
                upsert.executeUpdate();
                c.commit();
                return Saved.RECORDED;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /**
     * The examples that train: what the back office said (the corrected intent, or the recognised one of a turn it marked
     * helpful), and a customer's "this helped" on their own turn, which confirms the recognised intent. A customer's
     * correction is only a suggestion until the back office confirms it ({@link #pending}); unverified feedback and a
     * helpful out-of-scope answer confirm nothing.
     */
    public List<LabelledText> confirmedExamples() throws SQLException {
        List<LabelledText> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT t.text, coalesce(f.correct_intent, t.intent) FROM chat_feedback f JOIN chat_turn t USING (turn_id)
                     WHERE (f.given_by IN ('reader', 'admin') AND (f.correct_intent IS NOT NULL OR (f.helpful AND t.intent <> ?)))
                        OR (f.given_by = 'customer' AND f.helpful AND f.correct_intent IS NULL AND t.intent <> ?)
                     ORDER BY f.at""")) {
            s.setString(1, IntentResult.OUT_OF_SCOPE);
            s.setString(2, IntentResult.OUT_OF_SCOPE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LabelledText(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return out;
    }

    /** Customers' corrections not yet confirmed, oldest first: the back office confirms one by giving feedback on its turn. */
    public List<Pending> pending(int limit) throws SQLException {
        List<Pending> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT f.turn_id, t.text, t.intent, f.correct_intent, f.comment, f.at FROM chat_feedback f JOIN chat_turn t USING (turn_id)
                     WHERE f.given_by = 'customer' AND f.correct_intent IS NOT NULL ORDER BY f.at LIMIT ?""")) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getTimestamp(6).toInstant()));
                }
            }
        }
        return out;
    }

    /** Changes whenever feedback is added or changed: instances retrain when it moves. */
    public String version() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), max(at) FROM chat_feedback");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "@" + rs.getTimestamp(2);
        }
    }
}
