package io.quanyu.forecast.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.store.DemandStore;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads purchases and stock counts from events.v1 into the weekly demand history. Offsets are committed after the
 * batch is stored, and a purchase is applied once by its event id, so a redelivered batch counts nothing twice; the
 * SKUs a batch changed are queued in the same transaction for {@link Recomputer}.
 */
@ApplicationScoped
public class EventReader {

    private final ForecastServiceConfig config;
    private final EventBatchReader events;
    private final ConsumerThreads threads;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ForecastServiceConfig config, DemandStore store,
                       ForecastMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.threads = threads;
        this.config = config;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws Exception {
                List<DemandStore.Sale> sales = new ArrayList<>();
                List<DemandStore.Count> counts = new ArrayList<>();
                batch.forEach(e -> DemandRows.of(e, sales, counts));
                if (!sales.isEmpty() || !counts.isEmpty()) {
                    DemandStore.Applied applied = store.apply(sales, counts, Instant.now());
                    metrics.applied("purchase", applied.purchases());
                    metrics.applied("stock_level", applied.counts());
                }
            }

            @Override
            public void undecodable() {
                metrics.undecodable();
            }
        }, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("forecast-events", events);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
