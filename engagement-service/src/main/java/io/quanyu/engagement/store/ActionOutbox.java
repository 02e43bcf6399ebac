package io.quanyu.engagement.store;

import io.quanyu.events.EngagementAction;
import io.quanyu.support.OutboxDrain;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;

/** Actions not yet on Kafka, oldest first: the engagement_action table drained as an outbox (service-support's {@link OutboxDrain}). */
@ApplicationScoped
public class ActionOutbox {

    private final OutboxDrain<EngagementAction> drain;

    public ActionOutbox(DataSource dataSource) {
        this.drain = new OutboxDrain<>(dataSource, "SELECT record FROM engagement_action WHERE NOT published ORDER BY at LIMIT ? FOR UPDATE SKIP LOCKED",
                rs -> Definitions.read(rs.getString(1), EngagementAction.class), "engagement_action", "action_id", EngagementAction::actionId);
    }

    /** Publishes up to limit unpublished actions; returns how many. */
    public int publish(int limit, OutboxDrain.Sender<EngagementAction> sender) throws Exception {
        return drain.publish(limit, sender);
    }
}
