package io.quanyu.chatbot.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.chatbot.domain.dialogue.OrderFacts;
import io.quanyu.chatbot.store.OrderStore;
import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.EventData;
import io.quanyu.events.data.OrderLine;
import io.quanyu.events.data.Purchase;
import io.quanyu.events.data.Refund;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A replay of events.v1 after an erasure stores none of the erased customer's older orders or refunds, and newer ones as usual. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class ErasedKeyGuardTest {

    @Inject
    OrderStore orders;

    @Inject
    DataSource dataSource;

    @Test
    void aReplayedOrderOfAnErasedCustomerIsNotStoredAgain() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String user = "u:guard-" + r;
        String card = "a:card:guard-" + r;
        List<String> keys = List.of(user, card);
        Instant before = Instant.now().minus(Duration.ofDays(2));
        List<CloudEvent> old = List.of(purchase(user, "GA-" + r, before), purchase(card, "GB-" + r, before.plusSeconds(60)),
                event(user, EventType.REFUND, before.plusSeconds(120), new Refund("GA-" + r, List.of(), BigDecimal.ONE, "CNY", "late")));
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail acks = kafka.tail(Topics.PRIVACY_ERASURE_ACKS)) {
            old.forEach(e -> send(kafka, e));
            assertThat(await(() -> orders.recent(keys, 10).size() == 2 && orders.find("GA-" + r).orElseThrow().refundedAt() != null)).isTrue();

            kafka.send(Topics.PRIVACY_ERASURE, user, EventCodec.encode(new ErasureRequest(user, keys, Instant.now(), "test")));
            assertThat(acks.await(1, rec -> user.equals(rec.key()), Duration.ofSeconds(20))).hasSize(1);
            assertThat(orders.recent(keys, 10)).isEmpty();

            // The same events again (a replay), then an order of each key placed after the erasure: those are a new
            // customer's. Each key's new order is on its replayed events' partition, so once both are stored every
            // replayed event was read.
            old.forEach(e -> send(kafka, e));
            Instant after = Instant.now();
            send(kafka, purchase(user, "GC-" + r, after));
            send(kafka, purchase(card, "GD-" + r, after));
            assertThat(await(() -> orders.recent(keys, 10).size() >= 2)).isTrue();
            assertThat(orders.recent(keys, 10)).extracting(OrderFacts::orderId).containsExactlyInAnyOrder("GC-" + r, "GD-" + r);
            assertThat(orders.find("GA-" + r)).isEmpty();
            assertThat(refunds(keys)).isZero();
        }
    }

    private long refunds(List<String> keys) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM chat_refund WHERE user_key = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static CloudEvent purchase(String key, String orderId, Instant at) {
        return event(key, EventType.PURCHASE, at, new Purchase(orderId, List.of(new OrderLine("p-1", 1, BigDecimal.TEN)), BigDecimal.TEN, "CNY", null));
    }

    private static CloudEvent event(String key, EventType type, Instant at, EventData data) {
        return CloudEvent.of(UUID.randomUUID().toString(), Channel.APP, type, at, key, at, null, data);
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
