package io.quanyu.ingestion.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/** Health of the raw-to-events pipeline: not ready while batches keep failing, not live once a worker died. */
public final class PipelineHealth {

    private PipelineHealth() {
    }

    /** Readiness: DOWN while the pipeline cannot make progress (database or broker trouble). */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        private final IngestionPipeline pipeline;

        public Ready(IngestionPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public HealthCheckResponse call() {
            return pipeline.problem()
                    .map(p -> HealthCheckResponse.named("Ingestion pipeline").down().withData("problem", p).build())
                    .orElseGet(() -> HealthCheckResponse.named("Ingestion pipeline").up().withData("workers", pipeline.workers()).build());
        }
    }

    /** Liveness: DOWN when a worker stopped for good, so the orchestrator restarts the process. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        private final IngestionPipeline pipeline;

        public Live(IngestionPipeline pipeline) {
            this.pipeline = pipeline;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("Ingestion pipeline workers").status(!pipeline.dead()).build();
        }
    }
}
