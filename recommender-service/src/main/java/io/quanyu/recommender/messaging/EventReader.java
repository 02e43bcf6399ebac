package io.quanyu.recommender.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Product;
import io.quanyu.events.ProfileDigest;
import io.quanyu.events.Topics;
import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.support.CompactedFeed;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Reads events.v1 into interaction rows and, through {@link CompactedFeed}s, catalog.products.v1 into items and
 * profile.updates.v1 into customers. Event offsets are committed after the rows are stored, and a row's key is the
 * event id, so a redelivered batch stores nothing twice.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final String bootstrap;
    private final RecommenderConfig config;
    private final InteractionStore store;
    private final CustomerStore customers;
    private final Stock stock;
    private final RecommenderMetrics metrics;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean failing;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, InteractionStore store,
                       CustomerStore customers, Stock stock, RecommenderMetrics metrics) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.store = store;
        this.customers = customers;
        this.stock = stock;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.add(Thread.ofPlatform().name("recommender-events").start(this::readEvents));
            threads.add(Thread.ofPlatform().name("recommender-catalog").start(new CompactedFeed<>(bootstrap, "recommender-catalog",
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
                    }, () -> running)));
            threads.add(Thread.ofPlatform().name("recommender-profiles").start(new CompactedFeed<>(bootstrap, "recommender-profiles",
                    Topics.PROFILE_UPDATES, ProfileDigest.class, new CompactedFeed.Sink<ProfileDigest>() {
                        @Override
                        public void put(String customerId, ProfileDigest p) throws Exception {
                            customers.upsert(p);
                        }

                        @Override
                        public void removed(String customerId) throws Exception {
                            customers.removed(customerId);
                        }
                    }, () -> running)));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean failing() {
        return failing;
    }

    private void readEvents() {
        try (KafkaConsumer<byte[], byte[]> c = consumer(config.groupId())) {
            c.subscribe(List.of(Topics.EVENTS));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                List<InteractionStore.Row> rows = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.value() == null) {
                        continue;
                    }
                    if (EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok) {
                        rows.addAll(Interactions2Rows.of(ok.value()));
                    } else {
                        // Ingestion validated every event: one that does not decode is a contract breach, counted and logged.
                        metrics.undecodable();
                        LOG.warnf("%s-%d@%d is not a valid event: skipped", r.topic(), r.partition(), r.offset());
                    }
                }
                try {
                    metrics.stored(store.insert(rows));
                    c.commitSync();
                    failing = false;
                } catch (java.sql.SQLException e) {
                    failing = true;
                    LOG.warnf("storing %d interactions failed, reading the batch again: %s", rows.size(), e.getMessage());
                    for (TopicPartition tp : records.partitions()) {
                        c.seek(tp, records.records(tp).getFirst().offset());
                    }
                    sleep();
                }
            }
        } catch (RuntimeException e) {
            failing = true;
            LOG.error("events reader stopped", e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
