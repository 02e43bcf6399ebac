package io.quanyu.chatbot.store;

import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.ml.LabelledText;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Feedback on answers, and the confirmed examples it yields for retraining the intent model. */
@ApplicationScoped
public class FeedbackStore {

    private final DataSource dataSource;

    public FeedbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records (or replaces) the feedback on a turn; false when there is no such turn. */
    public boolean save(String turnId, boolean helpful, String correctIntent, String comment) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     INSERT INTO chat_feedback (turn_id, helpful, correct_intent, comment)
                     SELECT turn_id, ?, ?, ? FROM chat_turn WHERE turn_id = ?
                     ON CONFLICT (turn_id) DO UPDATE SET helpful = excluded.helpful, correct_intent = excluded.correct_intent,
                       comment = excluded.comment, at = now()""")) {
            s.setBoolean(1, helpful);
            s.setString(2, correctIntent);
            s.setString(3, comment);
            s.setString(4, turnId);
            return s.executeUpdate() == 1;
        }
    }

    /**
     * Texts whose intent a customer or agent confirmed: the corrected intent where one was given, else the recognised one
     * of a turn marked helpful (a helpful out-of-scope answer confirms nothing).
     */
    public List<LabelledText> confirmedExamples() throws SQLException {
        List<LabelledText> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT t.text, coalesce(f.correct_intent, t.intent) FROM chat_feedback f JOIN chat_turn t USING (turn_id)
                     WHERE f.correct_intent IS NOT NULL OR (f.helpful AND t.intent <> ?) ORDER BY f.at""")) {
            s.setString(1, IntentResult.OUT_OF_SCOPE);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new LabelledText(rs.getString(1), rs.getString(2)));
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
