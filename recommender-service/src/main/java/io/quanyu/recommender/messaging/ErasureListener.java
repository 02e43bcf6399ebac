package io.quanyu.recommender.messaging;

import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.recommender.config.RecommenderConfig;
import io.quanyu.recommender.store.CustomerStore;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Carries out erasures from {@code privacy.erasure.v1}: deletes the customer's interactions and links, then
 * acknowledges on {@code privacy.erasure.acks.v1}. The offset is committed only after the acknowledgement, so a
 * crash in between repeats an (idempotent) erasure rather than losing it.
 */
@ApplicationScoped
public class ErasureListener {

    static final String SERVICE = "recommender-service";
    private static final Logger LOG = Logger.getLogger(ErasureListener.class);

    private final String bootstrap;
    private final RecommenderConfig config;
    private final CustomerStore customers;
    private final RecommenderMetrics metrics;
    private volatile boolean running = true;
    private Thread thread;

    public ErasureListener(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, RecommenderConfig config, CustomerStore customers,
                           RecommenderMetrics metrics) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.customers = customers;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        if (config.consume()) {
            thread = Thread.ofPlatform().name("recommender-erasure").start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, config.groupId() + "-erasure", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> acks = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, "recommender-erasure-acks"),
                     new StringSerializer(), new ByteArraySerializer())) {
            c.subscribe(List.of(Topics.PRIVACY_ERASURE));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    if (!handle(r, acks)) {
                        return; // stopping mid-erasure: leave the offset for the next instance
                    }
                }
                c.commitSync();
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("erasure listener stopped", e);
        }
    }

    /** Whether the request was carried out (or is not one); false only when stopping first. */
    private boolean handle(ConsumerRecord<byte[], byte[]> r, KafkaProducer<String, byte[]> acks) {
        if (r.value() == null || !(EventCodec.decode(r.value(), ErasureRequest.class) instanceof Decoded.Ok<ErasureRequest> ok)) {
            LOG.warnf("%s-%d@%d is not an erasure request: skipped", r.topic(), r.partition(), r.offset());
            return true;
        }
        ErasureRequest request = ok.value();
        for (int attempt = 1; running; attempt++) {
            try {
                int rows = customers.erase(request.customerId(), request.keys());
                acks.send(new ProducerRecord<>(Topics.PRIVACY_ERASURE_ACKS, request.customerId(),
                        EventCodec.encode(new ErasureAck(request.customerId(), SERVICE, Instant.now(), rows)))).get();
                metrics.erased();
                LOG.infof("erased customer %s: %d rows", request.customerId(), rows);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                // Never skip an erasure: retry until the database and broker take it.
                LOG.warnf("erasure of %s failed (attempt %d), retrying: %s", request.customerId(), attempt, e.getMessage());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }
}
