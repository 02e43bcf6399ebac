package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.store.EventStore;
import io.quanyu.events.CloudEvent;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads events.v1 into triggers, purchases, redemptions and consent (offsets committed after storing). */
@ApplicationScoped
public class EventReader {

    private final EngagementConfig config;
    private final EventBatchReader events;
    private final ConsumerThreads threads;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, EngagementConfig config, EventStore store,
                       EngagementMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws Exception {
                EventStore.Applied a = store.apply(batch);
                metrics.stored(a.stored(), a.triggers(), a.redeemed(), a.refused());
            }

            @Override
            public void undecodable() {
                metrics.undecodable();
            }
        }, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("engagement-events", events);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
