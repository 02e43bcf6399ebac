package io.quanyu.engagement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.engagement.domain.Outcome;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** The engagement service's Prometheus metrics: low-cardinality tags only, every series registered at zero from start-up. */
@Startup
@ApplicationScoped
public class EngagementMetrics {

    private final MeterRegistry registry;
    private final Counter stored;
    private final Counter undecodable;
    private final Counter triggers;
    private final Counter published;
    private final Counter publishFailures;
    private final Counter sweepFailures;
    private final Counter erasures;
    private final Counter portraits;

    public EngagementMetrics(MeterRegistry registry) {
        this.registry = registry;
        stored = Counter.builder("quanyu.engagement.events.stored").description("Cart changes, purchases, redemptions and consent stored from events.v1")
                .register(registry);
        undecodable = Counter.builder("quanyu.engagement.events.undecodable").description("Records on events.v1 that were not valid events")
                .register(registry);
        triggers = Counter.builder("quanyu.engagement.triggers").description("Journey triggers started by events (cart changes, first purchases) and portraits").register(registry);
        published = Counter.builder("quanyu.engagement.actions.published").description("Actions acknowledged by Kafka on engagement.actions.v1")
                .register(registry);
        publishFailures = Counter.builder("quanyu.engagement.publish.failures").description("Outbox rounds that Kafka did not acknowledge")
                .register(registry);
        sweepFailures = Counter.builder("quanyu.engagement.sweep.failures").description("Sweeps of due triggers that failed (retried)")
                .register(registry);
        portraits = Counter.builder("quanyu.engagement.portraits.stored")
                .description("Portraits and recommendation lists stored from profile.updates.v1 and recommendations.v1").register(registry);
        erasures = Counter.builder("quanyu.engagement.erasures").description("Erasure requests carried out").register(registry);
        for (Outcome o : Outcome.values()) {
            if (o != Outcome.WAIT) {
                registry.counter("quanyu.engagement.decisions", "outcome", o.wire());
            }
        }
        for (String r : new String[] {"accepted", "refused"}) {
            registry.counter("quanyu.engagement.redemptions", "result", r);
        }
    }

    public void stored(int n, int startedTriggers, int redeemed, int refused) {
        stored.increment(n);
        triggers.increment(startedTriggers);
        registry.counter("quanyu.engagement.redemptions", "result", "accepted").increment(redeemed);
        registry.counter("quanyu.engagement.redemptions", "result", "refused").increment(refused);
    }

    public void portrait(int startedTriggers) {
        portraits.increment();
        triggers.increment(startedTriggers);
    }

    public void undecodable() {
        undecodable.increment();
    }

    public void decided(Map<Outcome, Integer> counts) {
        counts.forEach((o, n) -> {
            if (o != Outcome.WAIT) {
                registry.counter("quanyu.engagement.decisions", "outcome", o.wire()).increment(n);
            }
        });
    }

    public void sweepFailed() {
        sweepFailures.increment();
    }

    public void published(int n) {
        published.increment(n);
    }

    public void publishFailed() {
        publishFailures.increment();
    }

    public void erased() {
        erasures.increment();
    }
}
