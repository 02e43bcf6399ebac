package io.quanyu.ingestion.messaging;

import io.quanyu.ingestion.config.IngestionConfig;
import io.quanyu.support.DeadLetters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import io.micrometer.core.instrument.MeterRegistry;
import org.jboss.logging.Logger;

/** Starts the pipeline's workers with the application and stops them cleanly with it; reports their health. */
@ApplicationScoped
public class IngestionPipeline {

    private static final Logger LOG = Logger.getLogger(IngestionPipeline.class);

    private final IngestionConfig config;
    private final KafkaClients clients;
    private final BatchProcessor processor;
    private final MeterRegistry registry;
    private final List<PipelineWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private final DeadLetters deadLetters;

    public IngestionPipeline(IngestionConfig config, KafkaClients clients, BatchProcessor processor, MeterRegistry registry, DeadLetters deadLetters) {
        this.config = config;
        this.deadLetters = deadLetters;
        this.registry = registry;
        this.clients = clients;
        this.processor = processor;
    }

    void start(@Observes StartupEvent event) {
        if (!config.pipeline().enabled()) {
            LOG.info("pipeline disabled (quanyu.ingestion.pipeline.enabled=false): serving HTTP only");
            return;
        }
        for (int i = 0; i < config.pipeline().workers(); i++) {
            PipelineWorker worker = new PipelineWorker("ingestion-" + i, config.pipeline().groupId(), clients, processor,
                    config.pipeline().retryBackoff(), registry, deadLetters);
            // Platform threads: each blocks in poll() and in the transaction commit for its whole life.
            Thread thread = Thread.ofPlatform().name("ingestion-pipeline-" + i).start(worker);
            workers.add(worker);
            threads.add(thread);
        }
        LOG.infof("pipeline started: %d workers in group %s", workers.size(), config.pipeline().groupId());
    }

    void stop(@Observes ShutdownEvent event) {
        workers.forEach(PipelineWorker::stop);
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Why the pipeline is not healthy, or empty when it is (or is disabled). */
    public Optional<String> problem() {
        long limit = config.pipeline().unhealthyAfter().toMillis();
        for (PipelineWorker w : workers) {
            if (w.finished()) {
                return Optional.of(w.name() + " has stopped: " + w.lastError());
            }
            if (w.failingFor() > limit) {
                return Optional.of(w.name() + " has failed every batch for " + w.failingFor() / 1000 + " s: " + w.lastError());
            }
        }
        return Optional.empty();
    }

    /** Whether a worker has stopped for good (the process should be restarted). */
    public boolean dead() {
        return workers.stream().anyMatch(PipelineWorker::finished);
    }

    public int workers() {
        return workers.size();
    }
}
