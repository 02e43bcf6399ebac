package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.DeadLetter;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import io.quanyu.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * Re-drives a consumer's parked records after a fix: reads {@code events.deadletter.v1} from where the consumer's
 * last re-drive stopped (group {@code <consumer>-redrive}) to its current end, and applies each letter of that
 * consumer through the consumer's own live path. A record that fails again for its data is parked again (one more
 * attempt); a transient failure stops the re-drive where it is, to be run again later. Letters of other consumers
 * are passed over.
 */
@ApplicationScoped
public class Redrive {

    /** What one re-drive did. */
    @Schema(description = "What a re-drive of parked records did")
    public record Result(
            @Schema(description = "The consumer whose parked records were applied again") String consumer,
            @Schema(description = "Dead letters of this consumer read") int read,
            @Schema(description = "Records applied this time") int applied,
            @Schema(description = "Records that failed again for their data and were parked again") int parkedAgain,
            @Schema(description = "False when a transient failure or the time budget stopped it: run it again") boolean complete,
            @Schema(description = "Why it stopped early, when it did") String stoppedBy) {
    }

    private static final Logger LOG = Logger.getLogger(Redrive.class);

    private final String bootstrap;
    private final ConsumerThreads threads;
    private final DeadLetters deadLetters;

    public Redrive(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap, ConsumerThreads threads, DeadLetters deadLetters) {
        this.bootstrap = bootstrap;
        this.threads = threads;
        this.deadLetters = deadLetters;
    }

    /** The consumers of this service whose letters can be re-driven. */
    public List<String> consumers() {
        return threads.consumers().stream().filter(Redrivable.class::isInstance).map(ConsumerStatus::consumer).toList();
    }

    /** Re-drives the parked records of {@code consumer}, spending at most {@code budget}; empty when this service has no such consumer. */
    public synchronized Optional<Result> redrive(String consumer, Duration budget) {
        Optional<Redrivable> target = threads.redrivable(consumer);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        long deadline = System.nanoTime() + budget.toNanos();
        int read = 0;
        int applied = 0;
        int parkedAgain = 0;
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(KafkaClientSettings.with(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, consumer + "-redrive", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000)),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(Topics.EVENTS_DEADLETTER).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            c.assign(parts);
            Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
            Map<TopicPartition, OffsetAndMetadata> committed = c.committed(new java.util.HashSet<>(parts));
            for (TopicPartition tp : parts) {
                OffsetAndMetadata at = committed.get(tp);
                if (at != null) {
                    c.seek(tp, at.offset());
                } else {
                    c.seekToBeginning(List.of(tp));
                }
            }
            while (parts.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    return Optional.of(new Result(consumer, read, applied, parkedAgain, false, "time budget of " + budget.toSeconds() + " s spent"));
                }
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() >= end.get(tp)) {
                        continue; // parked after this re-drive began (possibly by it): the next one
                    }
                    if (r.value() != null && EventCodec.decode(r.value(), DeadLetter.class) instanceof Decoded.Ok<DeadLetter> ok
                            && consumer.equals(ok.value().consumer())) {
                        read++;
                        DeadLetter letter = ok.value();
                        ConsumerRecord<byte[], byte[]> original = new ConsumerRecord<>(letter.sourceTopic(), letter.sourcePartition(),
                                letter.sourceOffset(), letter.key(), letter.value());
                        try {
                            target.get().applyParked(original);
                            applied++;
                        } catch (Exception e) {
                            if (Failures.isTransient(e)) {
                                return Optional.of(new Result(consumer, read - 1, applied, parkedAgain, false, Failures.describe(e)));
                            }
                            try {
                                deadLetters.park(consumer, original, letter.reason(), Failures.describe(e), e, letter.attempts() + 1);
                            } catch (Exception parkFailed) {
                                return Optional.of(new Result(consumer, read - 1, applied, parkedAgain, false, Failures.describe(parkFailed)));
                            }
                            parkedAgain++;
                        }
                    }
                    c.commitSync(Map.of(tp, new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("re-drive of %s stopped: %s", consumer, Failures.describe(e));
            return Optional.of(new Result(consumer, read, applied, parkedAgain, false, Failures.describe(e)));
        }
        LOG.infof("re-drive of %s: %d read, %d applied, %d parked again", consumer, read, applied, parkedAgain);
        return Optional.of(new Result(consumer, read, applied, parkedAgain, true, null));
    }
}
