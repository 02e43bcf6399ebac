package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@code events.v1} (read_committed) in batches for a service that keeps what it needs of them in its database:
 * a batch's valid events go to the sink in one call, and offsets are committed only after it returns. When the sink
 * fails for a reason outside the records, the batch is read again after a backoff and {@link #failing()} is true
 * meanwhile; when it fails for what a record contains, the batch is applied event by event and only the events that
 * fail alone are parked on {@code events.deadletter.v1}, as are records that are not valid events. The sink must make a
 * redelivered event a no-op.
 */
public final class EventBatchReader extends ConsumerLoop {

    /** What a service does with one batch of valid events. */
    public interface Sink {
        /** Stores what the service needs; throw to have the batch retried (transient) or split (data). */
        void store(List<CloudEvent> events) throws Exception;

        /** A record that is not a valid event was parked: ingestion validated every one, so this is a contract breach to count. */
        void undecodable();
    }

    private static final Logger LOG = Logger.getLogger(EventBatchReader.class);

    private final String bootstrap;
    private final Sink sink;
    private final int maxPollRecords;

    public EventBatchReader(String bootstrap, String groupId, Sink sink, DeadLetters deadLetters) {
        this(bootstrap, groupId, sink, deadLetters, 2000);
    }

    public EventBatchReader(String bootstrap, String groupId, Sink sink, DeadLetters deadLetters, int maxPollRecords) {
        super(groupId, deadLetters);
        this.bootstrap = bootstrap;
        this.sink = sink;
        this.maxPollRecords = maxPollRecords;
    }

    @Override
    protected void read() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, consumer(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords)), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(Topics.EVENTS));
            while (running()) {
                ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    handle(c, records);
                }
            }
        }
    }

    /** One valid event and the record it came from. */
    private record Read(ConsumerRecord<byte[], byte[]> record, CloudEvent event) {
    }

    /** A record to park and why. */
    private record Parked(ConsumerRecord<byte[], byte[]> record, String reason, String detail, Throwable error) {
    }

    private void handle(KafkaConsumer<byte[], byte[]> c, ConsumerRecords<byte[], byte[]> records) {
        List<Read> events = new ArrayList<>(records.count());
        List<Parked> parked = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            if (r.value() == null) {
                continue;
            }
            switch (EventCodec.decodeEvent(r.value())) {
                case Decoded.Ok<CloudEvent> ok -> events.add(new Read(r, ok.value()));
                case Decoded.Failed<CloudEvent> f -> parked.add(new Parked(r, DeadLetter.UNDECODABLE, f.code().wire() + ": " + f.detail(), null));
            }
        }
        try {
            store(events, parked);
            for (Parked p : parked) {
                park(p.record(), p.reason(), p.detail(), p.error());
                if (DeadLetter.UNDECODABLE.equals(p.reason())) {
                    sink.undecodable();
                }
            }
        } catch (Exception e) {
            // Nothing is committed: the whole batch comes again, and what was stored of it is a no-op the second time.
            for (TopicPartition tp : records.partitions()) {
                c.seek(tp, records.records(tp).getFirst().offset());
            }
            failed(e);
            return;
        }
        try {
            c.commitSync();
        } catch (CommitFailedException e) {
            LOG.infof("%s: commit after a rebalance failed; the new owner reads the batch again: %s", consumer(), e.getMessage());
        }
        succeeded();
    }

    /** Stores the batch; on a data failure, event by event, adding those that fail alone to {@code parked}. Throws when transient. */
    private void store(List<Read> events, List<Parked> parked) throws Exception {
        if (events.isEmpty()) {
            return;
        }
        try {
            sink.store(events.stream().map(Read::event).toList());
            return;
        } catch (Exception | StackOverflowError e) {
            if (Failures.isTransient(e)) {
                throw e instanceof Exception ex ? ex : new IllegalStateException(e);
            }
            LOG.warnf("%s: a batch of %d events failed for its data (%s): applying them one by one", consumer(), events.size(), Failures.describe(e));
        }
        for (Read r : events) {
            try {
                sink.store(List.of(r.event()));
            } catch (Exception | StackOverflowError e) {
                if (Failures.isTransient(e)) {
                    throw e instanceof Exception ex ? ex : new IllegalStateException(e);
                }
                parked.add(new Parked(r.record(), DeadLetter.UNAPPLICABLE, Failures.describe(e), e));
            }
        }
    }

    @Override
    public void applyParked(ConsumerRecord<byte[], byte[]> record) throws Exception {
        switch (EventCodec.decodeEvent(record.value())) {
            case Decoded.Ok<CloudEvent> ok -> sink.store(List.of(ok.value()));
            case Decoded.Failed<CloudEvent> f -> throw new IllegalArgumentException(f.code().wire() + ": " + f.detail());
        }
    }
}
