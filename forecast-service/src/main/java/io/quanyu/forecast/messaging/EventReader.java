package io.quanyu.forecast.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.store.DemandStore;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
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
    private Thread thread;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ForecastServiceConfig config, DemandStore store,
                       ForecastMetrics metrics) {
        this.config = config;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws SQLException {
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
        });
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            thread = Thread.ofPlatform().name("forecast-events").start(events);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        events.stop();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while batches cannot be stored, or after the reader stopped on an unexpected error. */
    public boolean failing() {
        return events.failing();
    }
}
