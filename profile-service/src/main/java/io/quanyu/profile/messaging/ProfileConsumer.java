package io.quanyu.profile.messaging;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.Product;
import io.quanyu.events.Topics;
import io.quanyu.profile.config.ProfileConfig;
import io.quanyu.profile.store.OffsetStore;
import io.quanyu.profile.store.UnpublishedStore;
import io.quanyu.support.CompactedFeed;
import io.quanyu.support.ConsumerThreads;
import io.quanyu.support.DeadLetters;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Starts the events.v1 workers and the catalog reader with the application and stops them with it; their health is the shared consumer checks'. */
@ApplicationScoped
public class ProfileConsumer {

    private static final Logger LOG = Logger.getLogger(ProfileConsumer.class);

    private final String bootstrap;
    private final ProfileConfig config;
    private final DataSource dataSource;
    private final OffsetStore offsets;
    private final BatchApplier applier;
    private final ProfilePublisher publisher;
    private final ProfileMetrics metrics;
    private final Catalog catalog;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;
    private final UnpublishedStore unpublished;

    public ProfileConsumer(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ProfileConfig config, DataSource dataSource,
                           OffsetStore offsets, BatchApplier applier, ProfilePublisher publisher, ProfileMetrics metrics, Catalog catalog,
                           ConsumerThreads threads, DeadLetters deadLetters, UnpublishedStore unpublished) {
        this.unpublished = unpublished;
        this.bootstrap = bootstrap;
        this.config = config;
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.applier = applier;
        this.publisher = publisher;
        this.metrics = metrics;
        this.catalog = catalog;
        this.threads = threads;
        this.deadLetters = deadLetters;
    }

    void start(@Observes StartupEvent event) {
        if (!config.consumer().enabled()) {
            LOG.info("events.v1 consumer disabled: serving the API only");
            return;
        }
        // Categories and brands for interests from events that carry only a product id.
        threads.start("profile-catalog", new CompactedFeed<>(bootstrap, "profile-catalog", Topics.CATALOG_PRODUCTS, Product.class,
                CompactedFeed.Sink.of((id, p) -> catalog.put(p.productId(), p.category(), p.brand()), catalog::remove), threads::running, deadLetters));
        for (int i = 0; i < config.consumer().workers(); i++) {
            String name = "profile-" + i;
            threads.start("profile-events-" + i, new ProfileWorker(name, () -> consumer(name, config.consumer().groupId(), config.consumer().maxPollRecords()),
                    config.consumer().groupId(), dataSource, offsets, applier, publisher, metrics, config.consumer().retryBackoff(), deadLetters,
                    unpublished));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        threads.stop();
    }

    private KafkaConsumer<byte[], byte[]> consumer(String clientId, String group, int maxPoll) {
        return new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPoll, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
