package io.quanyu.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/** Readiness is DOWN while any consumer cannot apply what it reads for a reason outside the records; it comes back by itself. */
@Readiness
@ApplicationScoped
public class ConsumersReadiness implements HealthCheck {

    private final ConsumerThreads threads;

    public ConsumersReadiness(ConsumerThreads threads) {
        this.threads = threads;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder b = HealthCheckResponse.named("consumers").up();
        for (ConsumerStatus c : threads.consumers()) {
            if (c.failing()) {
                b.down().withData(c.consumer(), "retrying: " + c.lastError());
            }
        }
        return b.build();
    }
}
