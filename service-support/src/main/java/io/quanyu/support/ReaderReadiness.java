package io.quanyu.support;

import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/** A readiness check that is DOWN while a service's reader cannot store what it reads: extend it as a {@code @Readiness @Singleton} bean (a class without a no-args constructor cannot be proxied). */
public abstract class ReaderReadiness implements HealthCheck {

    private final String name;
    private final BooleanSupplier failing;

    protected ReaderReadiness(String name, BooleanSupplier failing) {
        this.name = name;
        this.failing = failing;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(name).status(!failing.getAsBoolean()).build();
    }
}
