package io.quanyu.ingestion.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quanyu.events.Channel;
import io.quanyu.events.ReasonCode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The pipeline's Prometheus metrics. Tags are channel and reason only (6 x 7 series at most), never ids.
 * Meters are created up front, at start-up, so every series exists, at zero, from the first scrape (deploy/prometheus
 * alerts and the dashboard rely on them); that includes the collector's shed counter, which {@code Collector} increments.
 */
@Startup
@ApplicationScoped
public class IngestionMetrics {

    private final Map<Channel, Counter> in = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> out = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> duplicates = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<ReasonCode, Counter>> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> lag = new EnumMap<>(Channel.class);
    private final Timer batch;
    private final Counter batchFailures;

    public IngestionMetrics(MeterRegistry registry) {
        for (Channel c : Channel.values()) {
            String ch = c.wire();
            in.put(c, Counter.builder("quanyu.ingestion.messages.in").description("Raw messages read from the channel's raw topic")
                    .tag("channel", ch).register(registry));
            out.put(c, Counter.builder("quanyu.ingestion.events.out").description("Normalized events and products published")
                    .tag("channel", ch).register(registry));
            duplicates.put(c, Counter.builder("quanyu.ingestion.dedupe.hits").description("Events dropped as duplicates of an event id seen within the window")
                    .tag("channel", ch).register(registry));
            Map<ReasonCode, Counter> byReason = new EnumMap<>(ReasonCode.class);
            for (ReasonCode r : ReasonCode.values()) {
                byReason.put(r, Counter.builder("quanyu.ingestion.events.failed").description("Inputs sent to events.failed.v1")
                        .tag("channel", ch).tag("reason", r.wire()).register(registry));
            }
            failed.put(c, byReason);
            registry.counter("quanyu.ingestion.collector.shed", "channel", ch);
            lag.put(c, Timer.builder("quanyu.ingestion.lag").description("From a raw message's arrival on its topic to its events being committed on events.v1")
                    .tag("channel", ch).publishPercentiles(0.5, 0.99).publishPercentileHistogram(false).register(registry));
        }
        batch = Timer.builder("quanyu.ingestion.batch").description("Time to normalize, deduplicate and commit one polled batch")
                .register(registry);
        batchFailures = Counter.builder("quanyu.ingestion.batch.failures").description("Batches aborted and retried (broker or database trouble)")
                .register(registry);
    }

    public void in(Channel c) {
        in.get(c).increment();
    }

    public void out(Channel c) {
        out.get(c).increment();
    }

    public void duplicate(Channel c) {
        duplicates.get(c).increment();
    }

    public void failed(Channel c, ReasonCode reason) {
        failed.get(c).get(reason).increment();
    }

    public void lag(Channel c, long millis) {
        lag.get(c).record(Duration.ofMillis(Math.max(0, millis)));
    }

    public void batch(long nanos) {
        batch.record(Duration.ofNanos(nanos));
    }

    public void batchFailed() {
        batchFailures.increment();
    }
}
