package io.quanyu.chatbot.store;

import io.quanyu.chatbot.domain.faq.FaqEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The FAQ knowledge base shared by every instance. */
@ApplicationScoped
public class FaqStore {

    private final DataSource dataSource;

    public FaqStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public List<FaqEntry> all() throws SQLException {
        List<FaqEntry> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT faq_id, question, answer, language FROM chat_faq ORDER BY faq_id");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new FaqEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
        }
        return out;
    }

    /** Adds or replaces entries by id; with replaceAll, entries not given are deleted. */
    public void save(List<FaqEntry> entries, boolean replaceAll) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            if (replaceAll) {
                try (PreparedStatement d = c.prepareStatement("DELETE FROM chat_faq")) {
                    d.executeUpdate();
                }
            }
            upsert(c, entries, false);
            c.commit();
        }
    }

    /** Loads the bundled entries into an empty knowledge base; a knowledge base an admin emptied stays empty only if
     * they loaded at least one entry of their own (an empty table is seeded again at start-up). */
    public void seed(List<FaqEntry> entries) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement any = c.prepareStatement("SELECT 1 FROM chat_faq LIMIT 1");
             ResultSet rs = any.executeQuery()) {
            if (!rs.next()) {
                upsert(c, entries, true);
            }
        }
    }

    /** Changes whenever the entries change: instances rebuild their index when it moves. */
    public String version() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*), max(updated_at) FROM chat_faq");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1) + "@" + rs.getTimestamp(2);
        }
    }

    private static void upsert(Connection c, List<FaqEntry> entries, boolean keepExisting) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_faq (faq_id, language, question, answer) VALUES (?, ?, ?, ?) "
                + (keepExisting ? "ON CONFLICT (faq_id) DO NOTHING"
                : "ON CONFLICT (faq_id) DO UPDATE SET language = excluded.language, question = excluded.question, "
                + "answer = excluded.answer, updated_at = now()"))) {
            for (FaqEntry e : entries) {
                s.setString(1, e.id());
                s.setString(2, e.language());
                s.setString(3, e.question());
                s.setString(4, e.answer());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
