package io.quanyu.recommender.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The recommender's own Prometheus metrics; tags are low-cardinality (a fixed set of kinds and sources). Created at
 * start-up with every series at zero, so dashboards and alerts (deploy/prometheus) see them from the first scrape.
 */
@Startup
@ApplicationScoped
public class RecommenderMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter undecodable;
    private final Counter published;
    private final Counter erasures;
    private final Timer training;
    private final AtomicReference<Instant> trainedAt = new AtomicReference<>();

    public RecommenderMetrics(MeterRegistry registry) {
        this.registry = registry;
        stored = Counter.builder("quanyu.recommender.interactions.stored").description("Interactions stored from events.v1").register(registry);
        undecodable = Counter.builder("quanyu.recommender.events.undecodable").description("Records on events.v1 that were not valid events")
                .register(registry);
        published = Counter.builder("quanyu.recommender.lists.published").description("Recommendation lists published on recommendations.v1")
                .register(registry);
        erasures = Counter.builder("quanyu.recommender.erasures").description("Erasure requests carried out").register(registry);
        training = Timer.builder("quanyu.recommender.training").description("Time to train every model").register(registry);
        registry.gauge("quanyu.recommender.model.age.seconds", this,
                m -> m.trainedAt.get() == null ? Double.NaN : Duration.between(m.trainedAt.get(), Instant.now()).toMillis() / 1000.0);
        for (String kind : new String[] {"personal", "fallback"}) {
            for (String audience : new String[] {"segment", "channel", "everyone"}) {
                registry.counter("quanyu.recommender.served", "kind", kind, "audience", audience);
            }
        }
    }

    public void stored(int rows) {
        stored.increment(rows);
    }

    public void undecodable() {
        undecodable.increment();
    }

    public void published(int lists) {
        published.increment(lists);
    }

    public void erased() {
        erasures.increment();
    }

    public void trained(Instant at, long millis) {
        trainedAt.set(at);
        training.record(Duration.ofMillis(millis));
    }

    /** A served answer: {@code kind} is personal or fallback, {@code audience} segment, channel or everyone. */
    public void served(String kind, String audience) {
        registry.counter("quanyu.recommender.served", "kind", kind, "audience", audience).increment();
    }
}
