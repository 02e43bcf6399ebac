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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Carries out erasures from {@code privacy.erasure.v1}: rows go (keys kept as digests), lists get tombstones, then an acknowledgement. */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "recommender-service";

    private final RecommenderConfig config;
    private final ErasureWorker worker;
    private final ConsumerThreads threads;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, CustomerStore customers,
                           ListPublisher lists, RecommenderMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        // The tombstones go after the commit: a failure to send them fails the erasure, which is then retried whole
        // (deleting again changes nothing) before it is acknowledged.
        this.worker = new ErasureWorker(bootstrap, config.groupId() + "-erasure", SERVICE, (customerId, keys) -> {
            int rows = customers.erase(customerId, keys);
            List<String> listKeys = new ArrayList<>(keys);
            listKeys.add(customerId);
            lists.tombstones(listKeys);
            return rows;
        }, metrics::erased, deadLetters);
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
