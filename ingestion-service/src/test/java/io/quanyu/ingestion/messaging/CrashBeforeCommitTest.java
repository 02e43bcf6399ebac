package io.quanyu.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quanyu.events.Channel;
import io.quanyu.events.EventIds;
import io.quanyu.events.Topics;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The narrowest crash window, made deterministic: ids claimed in PostgreSQL and events sent, then the process
 * dies before the commit. The next owner of the partitions must publish those events (they are not duplicates
 * of anything a consumer saw), exactly once.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class CrashBeforeCommitTest {

    @Inject
    BatchProcessor processor;

    @Inject
    KafkaClients clients;

    @Test
    void eventsSentInATransactionThatNeverCommittedArePublishedOnceByTheNextOwner() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long ts = Instant.now().minusSeconds(5).toEpochMilli();
        // Records as a consumer would hand them over; they are built here rather than read back, because the
        // service under test runs its own pipeline on the raw topics and would process real ones too.
        TopicPartition tp = new TopicPartition(Topics.RAW_WEB, 0);
        long base = 1_000_000_000L + (System.nanoTime() & 0xFFFFFF) * 100;
        List<ConsumerRecord<byte[], byte[]>> raw = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            byte[] value = """
                    {"message_id":"x-%s-%d","anonymous_id":"an-%1$s","event":"page_view","page_url":"https://shop/","ts":%d}"""
                    .formatted(run, i, ts).getBytes(StandardCharsets.UTF_8);
            raw.add(new ConsumerRecord<>(tp.topic(), tp.partition(), base + i, ts, TimestampType.CREATE_TIME, 0, value.length, null, value,
                    new RecordHeaders(), Optional.empty()));
            ids.add(EventIds.of(Channel.WEB, "x-" + run + "-" + i));
        }
        ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(Map.of(tp, raw), Map.of());
        ConsumerGroupMetadata group = new ConsumerGroupMetadata("crash-" + run);
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail events = kafka.tail(Topics.EVENTS)) {
            // First owner: claims the ids, sends the events, and dies before commitTransaction.
            KafkaProducer<String, byte[]> p1 = clients.transactionalProducer("crash-" + run);
            p1.initTransactions();
            assertThatThrownBy(() -> processor.process(batch, dyingBeforeCommit(p1), group)).hasMessageContaining("killed before commit");
            p1.close(Duration.ZERO);

            // Next owner, with the same transactional id as after a restart, gets the same records again.
            KafkaProducer<String, byte[]> p2 = clients.transactionalProducer("crash-" + run);
            p2.initTransactions();
            processor.process(batch, p2, group);
            p2.close(Duration.ofSeconds(5));

            assertThat(events.await(50, r -> ids.contains(PipelineTest.idOf(r)), Duration.ofSeconds(30))).hasSize(50);
            List<ConsumerRecord<String, byte[]>> settled = events.await(Integer.MAX_VALUE, r -> ids.contains(PipelineTest.idOf(r)), Duration.ofSeconds(2));
            assertThat(settled).hasSize(50);
            assertThat(settled.stream().map(PipelineTest::idOf)).doesNotHaveDuplicates();
        }
    }

    /** A producer that does everything but commit, like a process killed between its last send and the commit. */
    @SuppressWarnings("unchecked")
    private static Producer<String, byte[]> dyingBeforeCommit(Producer<String, byte[]> real) {
        return (Producer<String, byte[]>) Proxy.newProxyInstance(Producer.class.getClassLoader(), new Class<?>[] {Producer.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("commitTransaction")) {
                        real.flush();
                        throw new IllegalStateException("killed before commit");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
