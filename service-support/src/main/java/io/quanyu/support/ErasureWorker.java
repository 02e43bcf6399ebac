package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Carries out a service's part of {@code privacy.erasure.v1}: erases, then acknowledges on
 * {@code privacy.erasure.acks.v1}. Offsets are committed only after the acknowledgements, so a crash in between
 * repeats an (idempotent) erasure rather than losing it; an erasure that fails because the database or broker is away
 * is retried until they are back, never skipped. A request that is not one, or that the store refuses for what it
 * contains, is parked on the dead-letter topic (and alerted on), to be re-driven after a fix.
 */
public final class ErasureWorker extends ConsumerLoop {

    /** Deletes what the service holds under the customer's id or any of its keys; returns the rows deleted. */
    @FunctionalInterface
    public interface Eraser {
        int erase(String customerId, List<String> keys) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(ErasureWorker.class);

    private final String bootstrap;
    private final String service;
    private final Eraser eraser;
    private final Runnable onErased;
    private volatile KafkaProducer<String, byte[]> acks;

    public ErasureWorker(String bootstrap, String groupId, String service, Eraser eraser, Runnable onErased, DeadLetters deadLetters) {
        super(groupId, deadLetters);
        this.bootstrap = bootstrap;
        this.service = service;
        this.eraser = eraser;
        this.onErased = onErased;
    }

    @Override
    protected void read() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, consumer(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(KafkaClientSettings.with(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                     ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.CLIENT_ID_CONFIG, service + "-erasure-acks",
                     ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25_000,
                     ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000)), new StringSerializer(), new ByteArraySerializer())) {
            acks = producer;
            c.subscribe(List.of(Topics.PRIVACY_ERASURE));
            while (running()) {
                ConsumerRecords<byte[], byte[]> batch = c.poll(Duration.ofMillis(500));
                boolean again = false;
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (TopicPartition tp : batch.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> r : batch.records(tp)) {
                        if (again || !applyOrPark(r, this::apply)) {
                            c.seek(tp, r.offset());
                            again = true;
                            break;
                        }
                        done.put(tp, new OffsetAndMetadata(r.offset() + 1));
                    }
                }
                // Past what was erased and acknowledged (or parked); a crash before this repeats idempotent erasures only.
                if (!done.isEmpty()) {
                    c.commitSync(done);
                }
            }
        } finally {
            acks = null;
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> r) throws Exception {
        if (r.value() == null || !(EventCodec.decode(r.value(), ErasureRequest.class) instanceof Decoded.Ok<ErasureRequest> ok)) {
            throw new UndecodableRecord("not an erasure request: " + (r.value() == null ? "no value"
                    : ((Decoded.Failed<ErasureRequest>) EventCodec.decode(r.value(), ErasureRequest.class)).detail()));
        }
        ErasureRequest request = ok.value();
        int rows = eraser.erase(request.customerId(), request.keys());
        KafkaProducer<String, byte[]> producer = acks;
        if (producer == null) {
            throw new java.io.UncheckedIOException(new java.io.IOException("no acknowledgement producer: the worker is not reading"));
        }
        producer.send(new ProducerRecord<>(Topics.PRIVACY_ERASURE_ACKS, request.customerId(),
                EventCodec.encode(new ErasureAck(request.customerId(), service, Instant.now(), rows)))).get(30, TimeUnit.SECONDS);
        onErased.run();
        LOG.infof("%s erased customer %s: %d rows", service, request.customerId(), rows);
    }

    @Override
    public void applyParked(ConsumerRecord<byte[], byte[]> record) throws Exception {
        apply(record);
    }
}
