package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.store.ActionOutbox;
import io.quanyu.events.EngagementAction;
import io.quanyu.events.Topics;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends stored actions to engagement.actions.v1 (key = customer key) from the database outbox, after each sweep and every few seconds. */
@ApplicationScoped
public class Publisher {

    private static final int BATCH = 500;

    private final OutboxRelay relay;
    private final ConsumerThreads threads;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, EngagementConfig config, ActionOutbox outbox,
                     EngagementMetrics metrics, ConsumerThreads threads) {
        this.threads = threads;
        this.relay = new OutboxRelay(bootstrap, "engagement-publisher", config.publishEvery(),
                producer -> outbox.publish(BATCH, batch -> OutboxRelay.sendAll(producer, Topics.ENGAGEMENT_ACTIONS, batch, EngagementAction::customerKey)),
                metrics::published, metrics::publishFailed);
    }

    void start(@Observes StartupEvent event) {
        // Watched: a relay thread that died would leave the outbox growing with liveness UP.
        threads.start("engagement-publisher", relay);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** Asks for a round now (actions were just written). */
    public void nudge() {
        relay.nudge();
    }
}
