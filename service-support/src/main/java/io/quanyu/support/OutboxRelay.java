package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.EventCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Relays a service's database outbox to Kafka: a round runs when nudged (something was just stored) and every
 * {@code every} otherwise, and repeats while it finds rows. A round marks rows published only after the broker
 * acknowledged them, so a failure (counted, logged) leaves them for the next one: a request never waits for Kafka, and
 * nothing is lost while Kafka is away.
 */
public final class OutboxRelay implements Runnable, ConsumerThreads.Stoppable {

    /** One round: claims a batch of unpublished rows, sends them with the producer, marks them; returns how many. */
    @FunctionalInterface
    public interface Round {
        int publish(KafkaProducer<String, byte[]> producer) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final String bootstrap;
    private final String clientId;
    private final Duration every;
    private final Round round;
    private final IntConsumer published;
    private final Runnable failed;
    private final Semaphore nudge = new Semaphore(0);
    private volatile boolean running = true;

    public OutboxRelay(String bootstrap, String clientId, Duration every, Round round, IntConsumer published, Runnable failed) {
        this.bootstrap = bootstrap;
        this.clientId = clientId;
        this.every = every;
        this.round = round;
        this.published = published;
        this.failed = failed;
    }

    /** Asks for a round now. */
    public void nudge() {
        if (nudge.availablePermits() == 0) {
            nudge.release();
        }
    }

    /** Ends the loop after the current round. */
    @Override
    public void stop() {
        running = false;
        nudge.release();
    }

    @Override
    public void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000,
                ProducerConfig.CLIENT_ID_CONFIG, clientId)), new StringSerializer(), new ByteArraySerializer())) {
            while (running) {
                try {
                    nudge.tryAcquire(every.toMillis(), TimeUnit.MILLISECONDS);
                    nudge.drainPermits();
                    int n;
                    do {
                        n = round.publish(producer);
                        published.accept(n);
                    } while (n > 0 && running);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    failed.run();
                    LOG.warnf("%s: publishing the outbox failed, will retry: %s", clientId, e.getMessage());
                }
            }
        }
    }

    /** Sends every record of a batch to the topic and returns once the broker acknowledged them all (or throws). */
    public static <T> void sendAll(KafkaProducer<String, byte[]> producer, String topic, List<T> batch, Function<T, String> key) throws Exception {
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
