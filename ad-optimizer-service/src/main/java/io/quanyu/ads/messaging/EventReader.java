package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.CustomerStore;
import io.quanyu.ads.store.EventStore;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.Topics;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.CompactedFeed;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads events.v1 into counters, touches, orders and credits (offsets committed after storing) and profile.updates.v1 into customers. */
@ApplicationScoped
public class EventReader {

    private final String bootstrap;
    private final AdsConfig config;
    private final CustomerStore customers;
    private final AdsMetrics metrics;
    private final EventBatchReader events;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, AdsConfig config, EventStore store,
                       CustomerStore customers, AdsMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.threads = threads;
        this.deadLetters = deadLetters;
        this.bootstrap = bootstrap;
        this.config = config;
        this.customers = customers;
        this.metrics = metrics;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws Exception {
                EventStore.Applied applied = store.apply(batch);
                metrics.stored(applied.stored());
                metrics.skippedCurrency(applied.skippedCurrency());
                metrics.attributed(applied.attributed());
            }

            @Override
            public void undecodable() {
                metrics.undecodable();
            }
        }, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (!config.consume()) {
            return;
        }
        threads.start("ads-events", events);
        threads.start("ads-profiles", new CompactedFeed<>(bootstrap, config.groupId() + "-profiles",
                Topics.PROFILE_UPDATES, ProfileDigest.class, new CompactedFeed.Sink<ProfileDigest>() {
                    @Override
                    public void put(String customerId, ProfileDigest p) throws Exception {
                        metrics.attributed(customers.upsert(p));
                        metrics.customerStored();
                    }

                    @Override
                    public void removed(String customerId) throws Exception {
                        customers.removed(customerId);
                        metrics.customerStored();
                    }
                }, threads::running, deadLetters));
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
