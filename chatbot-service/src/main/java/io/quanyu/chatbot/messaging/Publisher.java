package io.quanyu.chatbot.messaging;

import io.quanyu.chatbot.config.ChatbotConfig;
import io.quanyu.chatbot.store.OutboxStore;
import io.quanyu.events.ChatTurn;
import io.quanyu.events.EventCodec;
import io.quanyu.events.SupportHandoff;
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
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends stored turns to chat.transcripts.v1 (key = user key) and hand-offs to support.handoff.v1 (key = session id)
 * from the database outbox: right after a turn is answered, and every few seconds for anything a failure left behind.
 * A turn is answered without waiting for Kafka, and nothing is lost when Kafka is away.
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);
    private static final int BATCH = 500;

    private final String bootstrap;
    private final ChatbotConfig config;
    private final OutboxStore outbox;
    private final ChatbotMetrics metrics;
    private final Semaphore nudge = new Semaphore(0);
    private volatile boolean running = true;
    private Thread thread;

    public Publisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ChatbotConfig config, OutboxStore outbox,
                     ChatbotMetrics metrics) {
        this.bootstrap = bootstrap;
        this.config = config;
        this.outbox = outbox;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent event) {
        thread = Thread.ofPlatform().name("chatbot-publisher").start(this::run);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        nudge.release();
        if (thread != null) {
            thread.join(Duration.ofSeconds(10));
        }
    }

    /** Asks for a round now (a turn was just stored). */
    public void nudge() {
        if (nudge.availablePermits() == 0) {
            nudge.release();
        }
    }

    private void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000, ProducerConfig.CLIENT_ID_CONFIG, "chatbot-publisher"),
                new StringSerializer(), new ByteArraySerializer())) {
            while (running) {
                try {
                    nudge.tryAcquire(config.publishEvery().toMillis(), TimeUnit.MILLISECONDS);
                    nudge.drainPermits();
                    int n;
                    do {
                        n = outbox.publishTurns(BATCH, batch -> send(producer, Topics.CHAT_TRANSCRIPTS, batch, ChatTurn::userKey));
                        n += outbox.publishHandoffs(BATCH, batch -> send(producer, Topics.SUPPORT_HANDOFF, batch, SupportHandoff::sessionId));
                        metrics.published(n);
                    } while (n > 0 && running);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    metrics.publishFailed();
                    LOG.warnf("publishing transcripts failed, will retry: %s", e.getMessage());
                }
            }
        }
    }

    private static <T> void send(KafkaProducer<String, byte[]> producer, String topic, List<T> batch, Function<T, String> key) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (T record : batch) {
            acks.add(producer.send(new ProducerRecord<>(topic, key.apply(record), EventCodec.encode(record))));
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }
}
