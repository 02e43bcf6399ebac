package io.quanyu.forecast.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.forecast.config.ForecastServiceConfig;
import io.quanyu.forecast.store.DemandStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
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
 * Reads purchases and stock counts from events.v1 into the weekly demand history. Offsets are committed after the
 * batch is stored, and a purchase is applied once by its event id, so a redelivered batch counts nothing twice; the
 * SKUs a batch changed are queued in the same transaction for {@link Recomputer}.
 */
@ApplicationScoped
public class EventReader {

    private static final Logger LOG = Logger.getLogger(EventReader.class);

    private final String bootstrap;
    private final ForecastServiceConfig config;
    private final DemandStore store;
    private final ForecastMetrics metrics;
    private Thread thread;
    private volatile boolean running = true;
    private volatile boolean failing;

    public EventReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ForecastServiceConfig config, DemandStore store,
                       ForecastMetrics metrics) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.store = store;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            thread = Thread.ofPlatform().name("forecast-events").start(this::readEvents);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** True while batches cannot be stored, or after the reader stopped on an unexpected error. */
    public boolean failing() {
        return failing;
    }

    private void readEvents() {
        try (KafkaConsumer<byte[], byte[]> c = consumer()) {
            c.subscribe(List.of(Topics.EVENTS));
            while (running) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                if (records.isEmpty()) {
                    continue;
                }
                List<DemandStore.Sale> sales = new ArrayList<>();
                List<DemandStore.Count> counts = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.value() == null) {
                        continue;
                    }
                    if (EventCodec.decodeEvent(r.value()) instanceof Decoded.Ok<CloudEvent> ok) {
                        DemandRows.of(ok.value(), sales, counts);
                    } else {
                        // Ingestion validated every event: one that does not decode is a contract breach, counted and logged.
                        metrics.undecodable();
                        LOG.warnf("%s-%d@%d is not a valid event: skipped", r.topic(), r.partition(), r.offset());
                    }
                }
                try {
                    if (!sales.isEmpty() || !counts.isEmpty()) {
                        DemandStore.Applied applied = store.apply(sales, counts, Instant.now());
                        metrics.applied("purchase", applied.purchases());
                        metrics.applied("stock_level", applied.counts());
                    }
                    c.commitSync();
                    failing = false;
                } catch (java.sql.SQLException e) {
                    failing = true;
                    LOG.warnf("storing %d sales and %d counts failed, reading the batch again: %s", sales.size(), counts.size(), e.getMessage());
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

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, config.groupId(),
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
