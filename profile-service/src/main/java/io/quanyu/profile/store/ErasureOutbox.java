package io.quanyu.profile.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The records erasures still owe Kafka, added in the erasure's own transaction and deleted once the broker acknowledged them. */
@ApplicationScoped
public class ErasureOutbox {

    /** One record to publish; a null value is a tombstone. */
    public record Pending(String topic, String key, byte[] value) {
    }

    /** Sends a batch, in order, and returns once the broker has acknowledged every record (or throws). */
    @FunctionalInterface
    public interface Sender {
        void send(List<Pending> batch) throws Exception;
    }

    private final DataSource dataSource;

    public ErasureOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds records in the caller's transaction: they are published only if it commits. */
    public void add(Connection c, List<Pending> records) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO erasure_outbox (topic, record_key, value) VALUES (?, ?, ?)")) {
            for (Pending p : records) {
                ps.setString(1, p.topic());
                ps.setString(2, p.key());
                ps.setBytes(3, p.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * Publishes up to {@code limit} records, oldest first, and deletes them; returns how many. The batch is claimed with
     * SKIP LOCKED, so instances never send the same rows at once, and a failure leaves it for the next round.
     */
    public int publish(int limit, Sender sender) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                List<Pending> batch = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT id, topic, record_key, value FROM erasure_outbox ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED")) {
                    ps.setInt(1, limit);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ids.add(rs.getLong(1));
                            batch.add(new Pending(rs.getString(2), rs.getString(3), rs.getBytes(4)));
                        }
                    }
                }
                if (batch.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                sender.send(batch);
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM erasure_outbox WHERE id = ANY (?)")) {
                    ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                    ps.executeUpdate();
                }
                c.commit();
                return batch.size();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }
}
