package io.quanyu.profile.messaging;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import io.quanyu.profile.store.OffsetStore;
import io.quanyu.profile.store.UnpublishedStore;
import io.quanyu.support.ConsumerWorker;
import io.quanyu.support.DeadLetters;
import io.quanyu.support.Failures;
import io.quanyu.support.Redrivable;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * One consumer thread of events.v1 and chat.transcripts.v1 (a turn counts as a chat_message). Offsets live in the
 * database with the portraits: on assignment the worker seeks to them, and a failed batch is simply read again, so
 * every event is applied exactly once.
 */
final class ProfileWorker extends ConsumerWorker implements Redrivable {

    private static final Logger LOG = Logger.getLogger(ProfileWorker.class);

    private final Supplier<KafkaConsumer<byte[], byte[]>> consumers;
    private final String group;
    private final DataSource dataSource;
    private final OffsetStore offsets;
    private final BatchApplier applier;
    private final ProfilePublisher publisher;
    private final ProfileMetrics metrics;
    private final UnpublishedStore unpublished;

    ProfileWorker(String name, Supplier<KafkaConsumer<byte[], byte[]>> consumers, String group, DataSource dataSource, OffsetStore offsets,
                  BatchApplier applier, ProfilePublisher publisher, ProfileMetrics metrics, Duration backoff, DeadLetters deadLetters,
                  UnpublishedStore unpublished) {
        super(name, group, deadLetters, Duration.ofMillis(200), backoff);
        this.consumers = consumers;
        this.group = group;
        this.dataSource = dataSource;
        this.offsets = offsets;
        this.applier = applier;
        this.publisher = publisher;
        this.metrics = metrics;
        this.unpublished = unpublished;
    }

    @Override
    protected KafkaConsumer<byte[], byte[]> open() {
        KafkaConsumer<byte[], byte[]> consumer = consumers.get();
        consumer.subscribe(List.of(Topics.EVENTS, Topics.CHAT_TRANSCRIPTS), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                // Nothing is in flight between polls: every batch is committed before the next poll.
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                seekToStored(consumer, partitions);
            }
        });
        return consumer;
    }

    @Override
    protected void handle(ConsumerRecords<byte[], byte[]> records) throws Exception {
        List<BatchApplier.Incoming> batch = new ArrayList<>(records.count());
        Map<TopicPartition, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            TopicPartition tp = new TopicPartition(r.topic(), r.partition());
            next.put(tp, r.offset() + 1);
            if (r.value() == null) {
                continue;
            }
            switch (decode(r)) {
                case Decoded.Ok<CloudEvent> ok -> batch.add(new BatchApplier.Incoming(ok.value(), tp, r.offset()));
                case Decoded.Failed<CloudEvent> f -> {
                    // events.v1 is written by ingestion only, chat.transcripts.v1 by the chatbot; a record that is not an
                    // event is parked (before the batch is stored, so a crash can repeat it but never lose it) and counted.
                    parkUndecodable(r, f.code().wire() + ": " + f.detail());
                    metrics.invalid();
                }
            }
        }
        long start = System.nanoTime();
        BatchApplier.Applied applied = applier.apply(batch, next, group);
        metrics.applied(batch.size() - applied.skippedErased(), applied.merges().size(), System.nanoTime() - start);
        metrics.claims(applied.hints(), applied.conflicts());
        publishCommitted(applied);
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        next.forEach((tp, o) -> commit.put(tp, new OffsetAndMetadata(o)));
        // Only for lag monitoring: the offsets that count are the ones stored with the portraits.
        kafka().commitAsync(commit, null);
    }

    private static Decoded<CloudEvent> decode(ConsumerRecord<byte[], byte[]> r) {
        return r.topic().equals(Topics.CHAT_TRANSCRIPTS) ? ChatTurns.asEvent(r.value()) : EventCodec.decodeEvent(r.value());
    }

    /**
     * The batch is committed: what it changed must reach profile.updates.v1 however long the broker is away, since
     * the stored offsets are already past it. Retried with readiness DOWN; only a data error (which bounded portraits
     * should never cause) gives up, counted and logged.
     */
    private void publishCommitted(BatchApplier.Applied applied) {
        while (true) {
            try {
                publisher.publish(applied);
                recovered();
                try {
                    unpublished.clear(applied.marked(), applied.markedAt());
                } catch (java.sql.SQLException e) {
                    // The records are out; the sweep sends them once more, which changes nothing downstream.
                    LOG.debugf("%s: clearing published marks failed: %s", name(), e.getMessage());
                }
                return;
            } catch (Exception e) {
                if (!Failures.isTransient(e)) {
                    metrics.publishFailed();
                    LOG.errorf(e, "%s: portraits of a committed batch could not be published: %s", name(), Failures.describe(e));
                    return;
                }
                failingOn(e);
                LOG.warnf("%s: publishing portraits failed, retrying: %s", name(), Failures.describe(e));
                if (!sleepBackoff()) {
                    return;
                }
            }
        }
    }

    @Override
    protected void skip(ConsumerRecord<byte[], byte[]> record) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            offsets.advance(c, group, new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        }
    }

    @Override
    public void applyParked(ConsumerRecord<byte[], byte[]> record) throws Exception {
        switch (decode(record)) {
            case Decoded.Ok<CloudEvent> ok -> publishCommitted(applier.apply(List.of(new BatchApplier.Incoming(ok.value(),
                    new TopicPartition(record.topic(), record.partition()), record.offset())), Map.of(), group));
            case Decoded.Failed<CloudEvent> f -> throw new IllegalArgumentException(f.code().wire() + ": " + f.detail());
        }
    }

    /**
     * Reads on from the offsets stored with the portraits: the batch again if it was rolled back, the records
     * after it if it was committed and only the publishing failed (applying it twice would count it twice).
     */
    @Override
    protected void recover(ConsumerRecords<byte[], byte[]> records, Exception cause) {
        metrics.failedBatch();
        while (sleepBackoff()) {
            try {
                seekToStored(kafka(), records.partitions());
                return;
            } catch (IllegalStateException e) {
                noteError(e.getMessage());
            }
        }
    }

    private void seekToStored(KafkaConsumer<byte[], byte[]> consumer, Collection<TopicPartition> partitions) {
        try (Connection c = dataSource.getConnection()) {
            Map<TopicPartition, Long> stored = new HashMap<>(offsets.read(c, group, Topics.EVENTS));
            stored.putAll(offsets.read(c, group, Topics.CHAT_TRANSCRIPTS));
            for (TopicPartition tp : partitions) {
                Long at = stored.get(tp);
                if (at != null) {
                    consumer.seek(tp, at);
                } else {
                    consumer.seekToBeginning(List.of(tp));
                }
            }
        } catch (java.sql.SQLException e) {
            // Without the stored offsets, reading on from Kafka's could apply a batch twice: stop and let it restart.
            throw new IllegalStateException("cannot read stored offsets: " + e.getMessage(), e);
        }
    }
}
