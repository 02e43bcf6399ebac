package io.quanyu.engagement.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.engagement.domain.DeliveryPolicy;
import io.quanyu.engagement.domain.Text;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The webhooks' Prometheus series, tagged by channel (four) and outcome (three), every one registered at zero from start-up. */
@Startup
@ApplicationScoped
public class WebhookMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final Counter roundFailures;

    public WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : Text.CHANNELS) {
            for (DeliveryPolicy.Outcome o : DeliveryPolicy.Outcome.values()) {
                counter(channel, o);
            }
            AtomicLong n = new AtomicLong();
            pending.put(channel, n);
            Gauge.builder("quanyu.engagement.webhook.pending", n, AtomicLong::get).description("Webhook deliveries waiting to be sent or retried")
                    .tag("channel", channel).register(registry);
        }
        roundFailures = Counter.builder("quanyu.engagement.webhook.round.failures")
                .description("Rounds of the webhook deliverer that failed on the database (retried)").register(registry);
    }

    /** One attempt's outcome: delivered, retried (will be tried again) or dead. */
    public void attempted(String channel, DeliveryPolicy.Outcome outcome) {
        counter(channel, outcome).increment();
    }

    /** The pending count per channel as last read; channels absent have none. */
    public void pending(Map<String, Long> byChannel) {
        pending.forEach((channel, n) -> n.set(byChannel.getOrDefault(channel, 0L)));
    }

    public void roundFailed() {
        roundFailures.increment();
    }

    private Counter counter(String channel, DeliveryPolicy.Outcome o) {
        return Counter.builder("quanyu.engagement.webhook.deliveries").description("Webhook delivery attempts by outcome")
                .tag("channel", channel).tag("outcome", o.wire()).register(registry);
    }
}
