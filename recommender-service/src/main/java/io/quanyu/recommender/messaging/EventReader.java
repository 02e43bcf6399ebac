package io.quanyu.recommender.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.support.CatalogFeed;
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
 * Reads events.v1 into interaction rows and, through {@link CatalogFeed}, catalog.products.v1 into items. Offsets are committed after the
 * rows are stored, and a row's key is the event id, so a redelivered batch stores nothing twice.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final String bootstrap;
    private final RecommenderConfig config;
    private final InteractionStore store;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private volatile boolean failing;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, InteractionStore store) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.store = store;
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            threads.add(Thread.ofPlatform().name("recommender-events").start(this::readEvents));
            threads.add(Thread.ofPlatform().name("recommender-catalog").start(new CatalogFeed(bootstrap, "recommender-catalog", new CatalogFeed.Sink() {
                @Override
                public void product(Product p) throws Exception {
                    store.upsertItem(new InteractionStore.Item(p.productId(), p.title(), p.description(), p.category(), p.brand(),
                            p.inStock() == null || p.inStock()));
                }

                @Override
                public void removed(String productId) throws Exception {
                    store.deleteItem(productId);
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
                    if (r.value() != null && EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok) {
                        rows.addAll(Interactions2Rows.of(ok.value()));
                    }
                }
                try {
                    store.insert(rows);
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
