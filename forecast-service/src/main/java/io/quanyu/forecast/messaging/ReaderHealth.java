package io.quanyu.forecast.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Readiness of the events reader: DOWN while it cannot store the demand history (the database is away) or has stopped. */
@Readiness
@ApplicationScoped
public class ReaderHealth implements HealthCheck {

    private final EventReader reader;

    public ReaderHealth(EventReader reader) {
        this.reader = reader;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Forecast event reader").status(!reader.failing()).build();
    }
}
