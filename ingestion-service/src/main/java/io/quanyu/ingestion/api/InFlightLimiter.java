package io.quanyu.ingestion.api;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.ingestion.config.IngestionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;

/** Bounds the items the collector is publishing at once; past the bound it sheds load instead of queueing. */
@ApplicationScoped
public class InFlightLimiter {

    private final Semaphore permits;
    private final int capacity;

    public InFlightLimiter(IngestionConfig config, MeterRegistry registry) {
        this.capacity = config.collector().maxInFlight();
        this.permits = new Semaphore(capacity);
        Gauge.builder("quanyu.ingestion.collector.in.flight", this, l -> l.capacity - l.permits.availablePermits())
                .description("Items the HTTP collector is publishing right now").register(registry);
    }

    /** Takes room for {@code items} without waiting; false when the service must shed this request. */
    public boolean tryAcquire(int items) {
        return permits.tryAcquire(items);
    }

    public void release(int items) {
        permits.release(items);
    }
}
