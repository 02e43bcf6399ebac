package io.quanyu.support;

import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
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
import org.jboss.logging.Logger;

/**
 * Carries out a service's part of {@code privacy.erasure.v1}: erases, then acknowledges on
 * {@code privacy.erasure.acks.v1}. The offset is committed only after the acknowledgement, so a crash in between
 * repeats an (idempotent) erasure rather than losing it; a failing erasure is retried, never skipped.
 */
public final class ErasureWorker implements Runnable {

    /** Deletes what the service holds under the customer's id or any of its keys; returns the rows deleted. */
    @FunctionalInterface
    public interface Eraser {
        int erase(String customerId, List<String> keys) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class);

    private final String bootstrap;
    private final String groupId;
    private final String service;
    private final Eraser eraser;
    private final Runnable onErased;
    private volatile boolean running = true;

    public ErasureWorker(String bootstrap, String groupId, String service, Eraser eraser, Runnable onErased) {
        this.bootstrap = bootstrap;
        this.groupId = groupId;
        this.service = service;
        this.eraser = eraser;
        this.onErased = onErased;
    }

    /** Asks the loop to end after the current poll (or retry pause). */
    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> acks = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, service + "-erasure-acks"),
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
            LOG.errorf(e, "%s: erasure worker stopped", service);
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
                int rows = eraser.erase(request.customerId(), request.keys());
                acks.send(new ProducerRecord<>(Topics.PRIVACY_ERASURE_ACKS, request.customerId(),
                        EventCodec.encode(new ErasureAck(request.customerId(), service, Instant.now(), rows)))).get();
                onErased.run();
                LOG.infof("%s erased customer %s: %d rows", service, request.customerId(), rows);
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            } catch (Exception e) {
                LOG.warnf("%s: erasure of %s failed (attempt %d), retrying: %s", service, request.customerId(), attempt, e.getMessage());
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
