package io.quanyu.recommender.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** An erasure tombstones the customer's lists on recommendations.v1, and a replay of its older events stores none of them again. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasedKeyGuardTest {

    @Inject
    InteractionStore store;

    @Test
    void aReplayedEventOfAnErasedCustomerIsNotStoredAgain() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String customer = "u:guard-" + r;
        String device = "a:dev-guard-" + r;
        List<String> keys = List.of(customer, device);
        Instant before = Instant.now().minus(Duration.ofHours(3));
        List<CloudEvent> old = List.of(view(customer, "m-1", before), view(device, "m-2", before.plusSeconds(60)));
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS);
             KafkaTestClient.Tail lists = kafka.tail(Topics.RECOMMENDATIONS)) {
            old.forEach(e -> send(kafka, e));
            assertThat(await(() -> store.of(keys).size() == 2)).isTrue();

            kafka.send(Topics.PRIVACY_ERASURE, customer, EventCodec.encode(new ErasureRequest(customer, keys, Instant.now(), "test")));
            List<ConsumerRecord<String, byte[]>> mine = acks.await(1, rec -> customer.equals(rec.key()), Duration.ofSeconds(20));
            assertThat(mine).hasSize(1);
            ErasureAck ack = ((Decoded.Ok<ErasureAck>) EventCodec.decode(mine.getFirst().value(), ErasureAck.class)).value();
            assertThat(ack.service()).isEqualTo("recommender-service");
            // Sent before the acknowledgement: the lists under the customer id and under each key are gone.
            assertThat(lists.await(2, rec -> keys.contains(rec.key()) && rec.value() == null, Duration.ofSeconds(5)))
                    .extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(keys);
            assertThat(store.of(keys)).isEmpty();

            // The same events again (a replay), then one event of each key after the erasure: those are a new customer's.
            // Each key's new event is on its replayed event's partition, so once both are stored every replayed one was read.
            old.forEach(e -> send(kafka, e));
            Instant after = Instant.now();
            List<CloudEvent> fresh = List.of(view(customer, "m-3", after), view(device, "m-4", after));
            fresh.forEach(e -> send(kafka, e));
            assertThat(await(() -> store.of(keys).size() >= 2)).isTrue();
            assertThat(store.of(keys)).extracting(InteractionStore.Row::eventId).containsExactlyInAnyOrderElementsOf(fresh.stream().map(CloudEvent::id).toList());
        }
    }

    private static CloudEvent view(String key, String item, Instant at) {
        return CloudEvent.of(UUID.randomUUID().toString(), Channel.WEB, EventType.PRODUCT_VIEW, at, key, at, null, new ProductView(item, null, null));
    }

    private static void send(KafkaTestClient kafka, CloudEvent e) {
        kafka.send(Topics.EVENTS, e.subject(), EventCodec.encode(e));
    }

    /** Polls up to 20 s until the probe holds; returns whether it did. */
    private static boolean await(Callable<Boolean> probe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!probe.call()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
