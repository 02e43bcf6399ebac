package io.quanyu.profile.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quanyu.profile.domain.IdentityRules;
import io.quanyu.profile.store.ClaimStore;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Prometheus metrics of the portrait pipeline (no per-customer tags). Created at start-up, so dashboards and alerts
 * (deploy/prometheus) see every series, at zero, from the first scrape.
 */
@Startup
@ApplicationScoped
public class ProfileMetrics {

    private final Counter applied;
    private final Counter merges;
    private final Counter invalid;
    private final Counter failedBatches;
    private final Counter publishFailures;
    private final Counter erasureRecords;
    private final Counter erasurePublishFailures;
    private final Timer batch;
    private final MeterRegistry registry;

    public ProfileMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String reason : java.util.List.of(IdentityRules.JOINS_KNOWN_CUSTOMERS, IdentityRules.CLAIMED_BY_ANOTHER)) {
            conflicts(reason);
        }
        hints();
        applied = Counter.builder("quanyu.profile.events.applied").description("Events applied to portraits").register(registry);
        merges = Counter.builder("quanyu.profile.identity.merges").description("Customers merged into another by an identify").register(registry);
        invalid = Counter.builder("quanyu.profile.events.invalid").description("Records on events.v1 that were not valid events").register(registry);
        failedBatches = Counter.builder("quanyu.profile.batch.failures").description("Batches rolled back and read again").register(registry);
        publishFailures = Counter.builder("quanyu.profile.publish.failures")
                .description("Committed batches whose portraits could not be published for their content").register(registry);
        erasureRecords = Counter.builder("quanyu.profile.erasure.outbox.published")
                .description("Erasure records (requests, tombstones, acknowledgements) relayed from the outbox to Kafka").register(registry);
        erasurePublishFailures = Counter.builder("quanyu.profile.erasure.outbox.failures")
                .description("Relay rounds that left erasure records in the outbox (broker or database away); retried").register(registry);
        batch = Timer.builder("quanyu.profile.batch").description("Time to apply one batch in one transaction")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void applied(int events, int merged, long nanos) {
        applied.increment(events);
        merges.increment(merged);
        batch.record(Duration.ofNanos(nanos));
    }

    /** Links the identity graph refused, by reason (a fixed, small set). */
    private Counter conflicts(String reason) {
        return Counter.builder("quanyu.profile.identity.conflicts").tag("reason", reason)
                .description("Identity links refused because they would have joined two customers").register(registry);
    }

    private Counter hints() {
        return Counter.builder("quanyu.profile.identity.hints")
                .description("Phone, e-mail and member-card links from unverified sources, kept as hints").register(registry);
    }

    void claims(java.util.List<ClaimStore.Hint> hints, java.util.List<ClaimStore.Conflict> conflicts) {
        hints().increment(hints.size());
        conflicts.forEach(x -> conflicts(x.reason()).increment());
    }

    void invalid() {
        invalid.increment();
    }

    void publishFailed() {
        publishFailures.increment();
    }

    void erasureRecordsPublished(int records) {
        erasureRecords.increment(records);
    }

    void erasurePublishFailed() {
        erasurePublishFailures.increment();
    }

    void failedBatch() {
        failedBatches.increment();
    }
}
