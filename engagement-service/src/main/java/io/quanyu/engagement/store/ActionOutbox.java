package io.quanyu.engagement.store;

import io.quanyu.events.EngagementAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Actions not yet on Kafka. A batch is claimed with SKIP LOCKED, so instances never send the same rows at once, and
 * marked published only after the broker acknowledged it; a failure leaves it for the next round.
 */
@ApplicationScoped
public class ActionOutbox {

    /** Sends a batch and returns once the broker has acknowledged every record (or throws). */
    @FunctionalInterface
    public interface Sender {
        void send(List<EngagementAction> batch) throws Exception;
    }

    private final DataSource dataSource;

    public ActionOutbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Publishes up to limit unpublished actions, oldest first; returns how many. */
    public int publish(int limit, Sender sender) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<EngagementAction> batch = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT record FROM engagement_action WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED")) {
                s.setInt(1, limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        batch.add(Definitions.read(rs.getString(1), EngagementAction.class));
                    }
                }
            }
            if (batch.isEmpty()) {
                c.rollback();
                return 0;
            }
            try {
                sender.send(batch);
                try (PreparedStatement u = c.prepareStatement("UPDATE engagement_action SET published = true WHERE action_id = ANY (?)")) {
                    u.setArray(1, c.createArrayOf("text", batch.stream().map(EngagementAction::actionId).toArray()));
                    u.executeUpdate();
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
