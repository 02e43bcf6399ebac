package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.DecisionStore;
import io.quanyu.events.AdsDecision;
import io.quanyu.events.Topics;
import io.quanyu.support.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends stored decisions to ads.decisions.v1 (key = decision id) from the outbox, right away and then every few seconds until acknowledged. */
@ApplicationScoped
public class Publisher {

    private static final int BATCH = 200;

    private final OutboxRelay relay;
    private Thread thread;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, AdsConfig config, DecisionStore decisions, AdsMetrics metrics) {
        this.relay = new OutboxRelay(bootstrap, "ads-publisher", config.publishEvery(),
                producer -> decisions.publish(BATCH, batch -> OutboxRelay.sendAll(producer, Topics.ADS_DECISIONS, batch, AdsDecision::decisionId)),
                metrics::published, metrics::publishFailed);
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("ads-publisher").start(relay);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        relay.stop();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    /** Asks for a round now (a decision was just stored). */
    public void nudge() {
        relay.nudge();
    }
}
