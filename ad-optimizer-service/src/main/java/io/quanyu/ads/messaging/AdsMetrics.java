package io.quanyu.ads.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.store.Attribution;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The ad optimizer's Prometheus metrics: low-cardinality tags only, every series registered at zero from start-up. */
@Startup
@ApplicationScoped
public class AdsMetrics {

    /** The policies of POST /v1/budget/allocate, as tagged. */
    public static final String[] POLICIES = {"thompson", "optimizer", "uniform", "roi_above_mean"};

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter undecodable;
    private final Counter customers;
    private final Counter published;
    private final Counter publishFailures;
    private final Counter erasures;

    public AdsMetrics(MeterRegistry registry) {
        this.registry = registry;
        stored = Counter.builder("quanyu.ads.events.stored").description("Ad events and purchases stored from events.v1 (redeliveries not counted)")
                .register(registry);
        undecodable = Counter.builder("quanyu.ads.events.undecodable").description("Records on events.v1 that were not valid events").register(registry);
        customers = Counter.builder("quanyu.ads.customers.stored").description("Portraits and tombstones stored from profile.updates.v1")
                .register(registry);
        published = Counter.builder("quanyu.ads.decisions.published").description("Decisions acknowledged by Kafka on ads.decisions.v1")
                .register(registry);
        publishFailures = Counter.builder("quanyu.ads.publish.failures").description("Outbox rounds that Kafka did not acknowledge").register(registry);
        erasures = Counter.builder("quanyu.ads.erasures").description("Erasure requests carried out").register(registry);
        registry.counter("quanyu.ads.events.skipped", "reason", "currency");
        for (AttributionModel m : AttributionModel.values()) {
            registry.counter("quanyu.ads.attributed.orders", "model", Attribution.wire(m));
            registry.counter("quanyu.ads.attributed.revenue", "model", Attribution.wire(m));
        }
        for (String p : POLICIES) {
            registry.counter("quanyu.ads.decisions", "policy", p);
        }
    }

    public void stored(int events) {
        stored.increment(events);
    }

    public void undecodable() {
        undecodable.increment();
    }

    /** Amounts in a currency without a configured rate (their cost or order was not counted). */
    public void skippedCurrency(int events) {
        registry.counter("quanyu.ads.events.skipped", "reason", "currency").increment(events);
    }

    /** Orders credited for the first time, and their revenue in reporting-currency units. */
    public void attributed(Map<AttributionModel, Attribution.Tally> tallies) {
        tallies.forEach((model, t) -> {
            registry.counter("quanyu.ads.attributed.orders", "model", Attribution.wire(model)).increment(t.orders());
            registry.counter("quanyu.ads.attributed.revenue", "model", Attribution.wire(model)).increment(Micros.toUnits(t.revenueMicros()));
        });
    }

    public void customerStored() {
        customers.increment();
    }

    public void decision(String policy) {
        registry.counter("quanyu.ads.decisions", "policy", policy).increment();
    }

    public void published(int records) {
        published.increment(records);
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void erased() {
        erasures.increment();
    }
}
