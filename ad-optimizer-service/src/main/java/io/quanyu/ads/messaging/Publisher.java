package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.DecisionStore;
import io.quanyu.events.AdsDecision;
import io.quanyu.events.Topics;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends stored decisions to ads.decisions.v1 (key = decision id) from the outbox, right away and then every few seconds until acknowledged. */
@ApplicationScoped
public class Publisher {

    private static final int BATCH = 200;

    private final OutboxRelay relay;
    private final ConsumerThreads threads;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, AdsConfig config, DecisionStore decisions, AdsMetrics metrics, ConsumerThreads threads) {
        this.threads = threads;
        this.relay = new OutboxRelay(bootstrap, "ads-publisher", config.publishEvery(),
                producer -> decisions.publish(BATCH, batch -> OutboxRelay.sendAll(producer, Topics.ADS_DECISIONS, batch, AdsDecision::decisionId)),
                metrics::published, metrics::publishFailed);
    }

    void start(@Observes StartupEvent event) {
        // Watched: a relay thread that died would leave the outbox growing with liveness UP.
        threads.start("ads-publisher", relay);
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    /** Asks for a round now (a decision was just stored). */
    public void nudge() {
        relay.nudge();
    }
}
