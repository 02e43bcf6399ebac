package io.quanyu.recommender.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Product;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.Topics;
import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.CompactedFeed;
import io.quanyu.support.EventBatchReader;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads events.v1 into interaction rows and, through {@link CompactedFeed}s, catalog.products.v1 into items and
 * profile.updates.v1 into customers. Event offsets are committed after the rows are stored, and a row's key is the
 * event id, so a redelivered batch stores nothing twice.
 */
@ApplicationScoped
public class EventReader {

    private final String bootstrap;
    private final RecommenderConfig config;
    private final InteractionStore store;
    private final CustomerStore customers;
    private final Stock stock;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;
    private final EventBatchReader events;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, InteractionStore store,
                       CustomerStore customers, Stock stock, RecommenderMetrics metrics, ConsumerThreads threads, DeadLetters deadLetters) {
        this.threads = threads;
        this.deadLetters = deadLetters;
        this.bootstrap = bootstrap;
        this.config = config;
        this.store = store;
        this.customers = customers;
        this.stock = stock;
        this.events = new EventBatchReader(bootstrap, config.groupId(), new EventBatchReader.Sink() {
            @Override
            public void store(List<CloudEvent> batch) throws Exception {
                List<InteractionStore.Row> rows = new ArrayList<>();
                batch.forEach(e -> rows.addAll(Interactions2Rows.of(e)));
                metrics.stored(store.insert(rows));
            }

            @Override
            public void undecodable() {
                metrics.undecodable();
            }
        }, deadLetters);
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.start("recommender-events", events);
            threads.start("recommender-catalog", new CompactedFeed<>(bootstrap, "recommender-catalog",
                    Topics.CATALOG_PRODUCTS, Product.class, new CompactedFeed.Sink<Product>() {
                        @Override
                        public void put(String id, Product p) throws Exception {
                            boolean inStock = p.inStock() == null || p.inStock();
                            store.upsertItem(new InteractionStore.Item(p.productId(), p.title(), p.description(), p.category(), p.brand(), inStock));
                            stock.update(p.productId(), inStock);
                        }

                        @Override
                        public void removed(String productId) throws Exception {
                            store.deleteItem(productId);
                            stock.update(productId, true);
                        }
                    }, threads::running, deadLetters));
            threads.start("recommender-profiles", new CompactedFeed<>(bootstrap, "recommender-profiles",
                    Topics.PROFILE_UPDATES, ProfileDigest.class, CompactedFeed.Sink.of((id, p) -> customers.upsert(p), customers::removed), threads::running, deadLetters));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }
}
