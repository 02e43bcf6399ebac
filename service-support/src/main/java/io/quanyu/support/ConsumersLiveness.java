package io.quanyu.support;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Liveness is DOWN once a consumer thread ended while the service runs: a restart is the only way its data moves again. */
@Liveness
@ApplicationScoped
public class ConsumersLiveness implements HealthCheck {

    private final ConsumerThreads threads;

    public ConsumersLiveness(ConsumerThreads threads) {
        this.threads = threads;
    }

    @Override
    public HealthCheckResponse call() {
        return threads.call();
    }
}
