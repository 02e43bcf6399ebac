package io.quanyu.profile.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of applying events: not ready while batches keep failing, not live once a worker died. */
public final class ProfileHealth {

    private ProfileHealth() {
    }

    /** Readiness. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final ProfileConsumer consumer;

        public Ready(ProfileConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public HealthCheckResponse call() {
            return consumer.problem().map(p -> HealthCheckResponse.named("Portrait pipeline").down().withData("problem", p).build())
                    .orElseGet(() -> HealthCheckResponse.up("Portrait pipeline"));
        }
    }

    /** Liveness. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final ProfileConsumer consumer;

        public Live(ProfileConsumer consumer) {
            this.consumer = consumer;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("Portrait pipeline workers").status(!consumer.dead()).build();
        }
    }
}
