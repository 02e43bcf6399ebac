package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.events.validation.Text;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Parks records a consumer cannot apply on {@code events.deadletter.v1} and counts them
 * ({@code quanyu_consumer_parked_total{consumer,reason}}). {@link #park} returns only once the broker has the
 * record, so a consumer commits past a record only after it is safe; while the broker is away parking fails and
 * the consumer retries as for any transient failure.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_DETAIL = 1000;

    private final String bootstrap;
    private final String service;
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile KafkaProducer<String, byte[]> producer;

    public DeadLetters(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                       @ConfigProperty(name = "quarkus.application.name") String service, MeterRegistry registry) {
        this.bootstrap = bootstrap;
        this.service = service;
        this.registry = registry;
    }

    /** Registers the consumer's series at zero, so dashboards and alerts see it before anything is parked. */
    public void register(String consumer) {
        counter(consumer, DeadLetter.UNDECODABLE);
        counter(consumer, DeadLetter.UNAPPLICABLE);
    }

    /** Parks a record read by {@code consumer}; throws when the broker did not take it (retry later). */
    public void park(String consumer, ConsumerRecord<byte[], byte[]> record, String reason, String detail, Throwable error, int attempts)
            throws Exception {
        DeadLetter letter = new DeadLetter(consumer, service, record.topic(), record.partition(), record.offset(), reason,
                clean(detail), error == null ? null : error.getClass().getName(), record.key(), record.value(), Instant.now(), attempts);
        try {
            send(consumer, letter);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RecordTooLargeException)) {
                throw e;
            }
            // Base64 makes a record near the broker's limit too large to park whole: park where it is, which is enough to re-drive it.
            letter = new DeadLetter(consumer, service, record.topic(), record.partition(), record.offset(), reason,
                    clean(letter.detail() + " (value of " + record.value().length + " bytes left on " + record.topic() + ")"),
                    letter.error(), record.key(), null, letter.parkedAt(), attempts);
            send(consumer, letter);
        }
        counter(consumer, reason).increment();
        LOG.warnf("%s parked %s-%d@%d on %s (%s): %s", consumer, record.topic(), record.partition(), record.offset(),
                Topics.EVENTS_DEADLETTER, reason, letter.detail());
    }

    private void send(String consumer, DeadLetter letter) throws Exception {
        producer().send(new ProducerRecord<>(Topics.EVENTS_DEADLETTER, consumer, EventCodec.encode(letter))).get(30, TimeUnit.SECONDS);
    }

    /** A detail is quoted from the record or an exception: it may hold the very characters that made it fail. */
    static String clean(String detail) {
        String d = detail == null || detail.isBlank() ? "(no detail)" : detail;
        if (!Text.ok(d)) {
            StringBuilder b = new StringBuilder(d.length());
            d.codePoints().forEach(cp -> b.appendCodePoint(cp < 0x20 && cp != '\t' || Character.isSurrogate((char) cp) && cp <= 0xFFFF ? '\uFFFD' : cp));
            d = b.toString();
        }
        return d.length() > MAX_DETAIL ? d.substring(0, MAX_DETAIL) + "…" : d;
    }

    private Counter counter(String consumer, String reason) {
        return counters.computeIfAbsent(consumer + "|" + reason, k -> Counter.builder("quanyu.consumer.parked")
                .description("Records a consumer could not apply and parked on " + Topics.EVENTS_DEADLETTER)
                .tag("consumer", consumer).tag("reason", reason).register(registry));
    }

    private KafkaProducer<String, byte[]> producer() {
        KafkaProducer<String, byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.CLIENT_ID_CONFIG, service + "-deadletters",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000, ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 * 1024 * 1024)),
                            new StringSerializer(), new ByteArraySerializer());
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        KafkaProducer<String, byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }
}
