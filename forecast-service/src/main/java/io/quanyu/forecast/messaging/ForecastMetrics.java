package io.quanyu.forecast.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The forecast service's own Prometheus metrics; tags are low-cardinality (event kinds, alert types and statuses).
 * Created at start-up with every series at zero, so dashboards and alerts (deploy/prometheus) see them from the first scrape.
 */
@Startup
@ApplicationScoped
public class ForecastMetrics {

    private final MeterRegistry registry;
    private final Timer latency;
    private final Timer compute;

    public ForecastMetrics(MeterRegistry registry) {
        this.registry = registry;
        latency = Timer.builder("quanyu.forecast.recompute.latency")
                .description("From a SKU's first unseen change being stored to its new forecasts being published").register(registry);
        compute = Timer.builder("quanyu.forecast.recompute.duration").description("Time to forecast, plan and publish one SKU")
                .register(registry);
        // Registered up front so that dashboards see zeros rather than nothing.
        applied("purchase", 0);
        applied("stock_level", 0);
        published(0);
        registry.counter("quanyu.forecast.events.undecodable");
        registry.counter("quanyu.forecast.recompute.failures");
        for (String type : new String[] {"stockout_risk", "below_reorder_point", "overstock"}) {
            for (String status : new String[] {"open", "resolved"}) {
                registry.counter("quanyu.forecast.alerts.published", "type", type, "status", status);
            }
        }
    }

    /** Events applied to the history; {@code kind} is purchase or stock_level. Redeliveries are not counted. */
    public void applied(String kind, int events) {
        registry.counter("quanyu.forecast.events.applied", "kind", kind).increment(events);
    }

    public void undecodable() {
        registry.counter("quanyu.forecast.events.undecodable").increment();
    }

    public void published(int forecasts) {
        registry.counter("quanyu.forecast.forecasts.published").increment(forecasts);
    }

    /** An alert published: {@code type} one of the three alert types, {@code status} open or resolved. */
    public void alert(String type, String status) {
        registry.counter("quanyu.forecast.alerts.published", "type", type, "status", status).increment();
    }

    public void recomputed(Duration sinceChange, Duration took) {
        latency.record(sinceChange);
        compute.record(took);
    }

    public void failed() {
        registry.counter("quanyu.forecast.recompute.failures").increment();
    }
}
