package io.quanyu.ads.messaging;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.store.DecisionStore;
import io.quanyu.events.AdsDecision;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Sends stored decisions to ads.decisions.v1 (key = decision id) from the outbox, right away and then every few seconds until acknowledged. */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);
    private static final int BATCH = 200;

    private final String bootstrap;
    private final AdsConfig config;
    private final DecisionStore decisions;
    private final AdsMetrics metrics;
    private final Semaphore nudge = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, AdsConfig config, DecisionStore decisions, AdsMetrics metrics) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.decisions = decisions;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("ads-publisher").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        nudge.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    /** Asks for a round now (a decision was just stored). */
    public void nudge() {
        if (nudge.availablePermits() == 0) {
            nudge.release();
        }
    }

    private void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, "ads-publisher"), new StringSerializer(), new ByteArraySerializer())) {
            while (running) {
                try {
                    nudge.tryAcquire(config.publishEvery().toMillis(), TimeUnit.MILLISECONDS);
                    nudge.drainPermits();
                    int n;
                    do {
                        n = decisions.publish(BATCH, batch -> send(producer, batch));
                        metrics.published(n);
                    } while (n > 0 && running);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    metrics.publishFailed();
                    LOG.warnf("publishing decisions failed, will retry: %s", e.getMessage());
                }
            }
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<AdsDecision> batch) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (AdsDecision d : batch) {
            acks.add(producer.send(new ProducerRecord<>(Topics.ADS_DECISIONS, d.decisionId(), EventCodec.encode(d))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }
}
