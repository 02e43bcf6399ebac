package io.quanyu.ingestion.messaging;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventCodec;
import io.quanyu.events.FailedEvent;
import io.quanyu.events.Topics;
import io.quanyu.ingestion.domain.Normalizer;
import io.quanyu.ingestion.domain.Outcome;
import io.quanyu.ingestion.domain.Trust;
import io.quanyu.events.data.Identify;
import io.quanyu.ingestion.store.DedupeStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * One polled batch from raw topics to outputs: normalize every record, claim the event ids in the dedupe
 * store, then publish events, products and failures with the batch's offsets in one Kafka transaction.
 */
@ApplicationScoped
public class BatchProcessor {

    /** One outcome with the raw record it came from. */
    private record Item(Channel channel, ConsumerRecord<byte[], byte[]> source, Outcome outcome, boolean duplicate) {
    }

    private final Normalizer normalizer;
    private final DedupeStore dedupe;
    private final IngestionMetrics metrics;

    public BatchProcessor(Normalizer normalizer, DedupeStore dedupe, IngestionMetrics metrics) {
        this.normalizer = normalizer;
        this.dedupe = dedupe;
        this.metrics = metrics;
    }

    IngestionMetrics metrics() {
        return metrics;
    }

    /** Publishes the batch and commits its offsets atomically; throws when the transaction could not commit. */
    void process(ConsumerRecords<byte[], byte[]> records, Producer<String, byte[]> producer, ConsumerGroupMetadata group)
            throws SQLException {
        long start = System.nanoTime();
        List<Item> items = normalize(records);
        items = dropDuplicates(items);

        producer.beginTransaction();
        for (Item item : items) {
            ProducerRecord<String, byte[]> out = output(item);
            if (out != null) {
                producer.send(out);
            }
        }
        producer.sendOffsetsToTransaction(nextOffsets(records), group);
        // Waits for every send; any failed send makes this throw, and the caller rewinds.
        producer.commitTransaction();

        long now = System.currentTimeMillis();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Channel.ofRawTopic(r.topic()).ifPresent(metrics::in);
        }
        for (Item item : items) {
            switch (item.outcome()) {
                case Outcome.Failure f -> metrics.failed(item.channel(), f.code());
                case Outcome.Event _ when item.duplicate() -> metrics.duplicate(item.channel());
                default -> {
                    metrics.out(item.channel());
                    metrics.lag(item.channel(), now - item.source().timestamp());
                }
            }
        }
        metrics.batch(System.nanoTime() - start);
    }

    private List<Item> normalize(ConsumerRecords<byte[], byte[]> records) {
        List<Item> items = new ArrayList<>(records.count());
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Channel channel = Channel.ofRawTopic(r.topic()).orElseThrow();
            // The record's timestamp is when the channel (or the collector) handed it over: replays stay reproducible.
            Instant received = r.timestamp() > 0 ? Instant.ofEpochMilli(r.timestamp()) : Instant.now();
            boolean trusted = Trust.trusted(r.headers().lastHeader(Identify.TRUSTED_HEADER) == null ? null
                    : r.headers().lastHeader(Identify.TRUSTED_HEADER).value());
            for (Outcome o : normalizer.normalize(channel, r.value(), received)) {
                items.add(new Item(channel, r, Trust.mark(o, trusted), false));
            }
        }
        return items;
    }

    /** Marks events whose id was seen within the window from another raw record, or earlier in this batch. */
    private List<Item> dropDuplicates(List<Item> items) throws SQLException {
        Map<UUID, DedupeStore.Claim> claims = new LinkedHashMap<>();
        Map<Integer, Boolean> inBatch = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).outcome() instanceof Outcome.Event e) {
                UUID id = UUID.fromString(e.event().id());
                ConsumerRecord<byte[], byte[]> r = items.get(i).source();
                if (claims.putIfAbsent(id, new DedupeStore.Claim(id, r.topic(), r.partition(), r.offset())) != null) {
                    inBatch.put(i, true);
                }
            }
        }
        Set<UUID> seen = dedupe.claim(new ArrayList<>(claims.values()));
        if (seen.isEmpty() && inBatch.isEmpty()) {
            return items;
        }
        List<Item> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            boolean duplicate = inBatch.containsKey(i)
                    || item.outcome() instanceof Outcome.Event e && seen.contains(UUID.fromString(e.event().id()));
            out.add(duplicate ? new Item(item.channel(), item.source(), item.outcome(), true) : item);
        }
        return out;
    }

    private static ProducerRecord<String, byte[]> output(Item item) {
        return switch (item.outcome()) {
            case Outcome.Event _ when item.duplicate() -> null;
            case Outcome.Event e -> {
                CloudEvent event = e.event();
                yield new ProducerRecord<>(Topics.EVENTS, event.subject(), EventCodec.encode(event));
            }
            case Outcome.Catalog c -> new ProducerRecord<>(Topics.CATALOG_PRODUCTS, c.product().productId(), EventCodec.encode(c.product()));
            case Outcome.Failure f -> {
                ConsumerRecord<byte[], byte[]> r = item.source();
                FailedEvent failed = FailedEvent.of(f.code(), f.detail(), item.channel(), f.raw(), Instant.now())
                        .at(r.topic(), r.partition(), r.offset());
                yield new ProducerRecord<>(Topics.EVENTS_FAILED, item.channel().wire(), EventCodec.encode(failed));
            }
        };
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> part = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(part.getLast().offset() + 1));
        }
        return offsets;
    }
}
