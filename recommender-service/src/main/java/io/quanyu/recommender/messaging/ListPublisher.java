package io.quanyu.recommender.messaging;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.EventCodec;
import io.quanyu.events.RecommendationList;
import io.quanyu.events.Topics;
import io.quanyu.recommender.api.RecommendationService;
import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.CustomerStore;
import io.quanyu.recommender.store.InteractionStore;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes refreshed lists on {@code recommendations.v1} for every customer with interactions stored since the
 * previous publication. One instance publishes a window (a database lock); the mark moves only once every list of
 * the window was acknowledged, so a failure republishes rather than skips.
 */
@ApplicationScoped
public class ListPublisher {

    private static final Logger LOG = Logger.getLogger(ListPublisher.class);
    /** A first run publishes for customers active this long before it. */
    private static final Duration FIRST_WINDOW = Duration.ofMinutes(10);

    private final RecommenderConfig config;
    private final Models models;
    private final RecommendationService service;
    private final InteractionStore store;
    private final CustomerStore customers;
    private final RecommenderMetrics metrics;
    private final KafkaProducer<String, byte[]> producer;

    public ListPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, Models models,
                         RecommendationService service, InteractionStore store, CustomerStore customers, RecommenderMetrics metrics) {
        this.config = config;
        this.models = models;
        this.service = service;
        this.store = store;
        this.customers = customers;
        this.metrics = metrics;
        // Bounded waits: with the broker away, a publication (and an erasure waiting for its lock) fails within
        // seconds and is retried, instead of blocking for the client's default minutes.
        this.producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "recommender-lists")), new StringSerializer(), new ByteArraySerializer());
    }

    @Scheduled(every = "${quanyu.recommender.publish.every}", delayed = "${quanyu.recommender.publish.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.publish().enabled() || models.current() == null) {
            return;
        }
        try {
            publishNow();
        } catch (Exception e) {
            LOG.warnf("publishing recommendations failed, the window is retried next time: %s", e.toString());
        }
    }

    /**
     * Publishes the window up to a few seconds ago (a transaction that inserted just before may not have committed
     * yet); returns how many lists were published, or -1 when another instance is publishing.
     */
    public int publishNow() throws Exception {
        Instant to = Instant.now().minus(config.publish().settle());
        int[] published = {0};
        boolean ran = customers.underPublicationMark(to.minus(FIRST_WINDOW), to, (from, upTo) -> {
            Set<String> done = new HashSet<>();
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            for (String key : store.activeKeys(from, upTo)) {
                String customer = customers.customerOf(key).orElse(key);
                if (!done.add(customer)) {
                    continue;
                }
                var ask = new RecommendationService.Ask(config.publish().size(), Set.of(), null, null, true);
                var a = service.recommend(key, ask);
                RecommendationList list = new RecommendationList(a.customerId(), a.items().stream()
                        .map(r -> new RecommendationList.Item(r.itemId(), r.score(), r.source().name().toLowerCase(Locale.ROOT), r.reason())).toList(),
                        a.trainedAt(), Instant.now());
                sends.add(producer.send(new ProducerRecord<>(Topics.RECOMMENDATIONS, a.customerId(), EventCodec.encode(list))));
            }
            for (Future<RecordMetadata> f : sends) {
                f.get();
            }
            published[0] = sends.size();
        });
        if (published[0] > 0) {
            metrics.published(published[0]);
            LOG.infof("published %d recommendation lists", published[0]);
        }
        return ran ? published[0] : -1;
    }

    /**
     * Tombstones on recommendations.v1 for an erased customer under its id and each of its keys (a key the profile had
     * not linked yet has its list under the key itself); returns once the broker acknowledged them all, or throws.
     */
    public void tombstones(Collection<String> customerIds) throws Exception {
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (String id : new LinkedHashSet<>(customerIds)) {
            sends.add(producer.send(new ProducerRecord<>(Topics.RECOMMENDATIONS, id, null)));
        }
        for (Future<RecordMetadata> f : sends) {
            f.get(40, TimeUnit.SECONDS);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
