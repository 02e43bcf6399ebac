package io.quanyu.engagement.messaging;

import io.quanyu.engagement.config.EngagementConfig;
import io.quanyu.engagement.store.Erasure;
import io.quanyu.events.UserKey;
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

/** Carries out erasures from {@code privacy.erasure.v1} under the customer's id and every key, then acknowledges. */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "engagement-service";

    private final EngagementConfig config;
    private final ErasureWorker worker;
    private final ConsumerThreads threads;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, EngagementConfig config, Erasure erasure,
                           EngagementMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        this.worker = new ErasureWorker(bootstrap, config.groupId() + "-erasure", SERVICE, (customerId, keys) -> {
            List<String> all = new ArrayList<>(keys);
            all.add(UserKey.known(customerId));
            // The customer id itself names the portrait and the recommendations.
            all.add(customerId);
            return erasure.erase(all);
        }, metrics::erased, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("engagement-erasure", worker);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
