package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.CustomerStore;
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

/** Carries out erasures from {@code privacy.erasure.v1}: the customer's touches, key links and row go, its orders are unlinked, then an acknowledgement. */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "ad-optimizer-service";

    private final AdsConfig config;
    private final ErasureWorker worker;
    private final ConsumerThreads threads;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, AdsConfig config, CustomerStore customers,
                           AdsMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.config = config;
        this.threads = threads;
        this.worker = new ErasureWorker(bootstrap, config.groupId() + "-erasure", SERVICE, (customerId, keys) -> {
            List<String> all = new ArrayList<>(keys);
            all.add(UserKey.known(customerId));
            return customers.erase(customerId, all);
        }, metrics::erased, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("ads-erasure", worker);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
