package io.quanyu.recommender.messaging;

import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.ErasureWorker;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Carries out erasures from {@code privacy.erasure.v1}: the customer's interactions and links go, then an acknowledgement. */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "recommender-service";

    private final RecommenderConfig config;
    private final ErasureWorker worker;
    private final ConsumerThreads threads;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, CustomerStore customers,
                           RecommenderMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        this.worker = new ErasureWorker(bootstrap, config.groupId() + "-erasure", SERVICE, customers::erase, metrics::erased, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("recommender-erasure", worker);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
