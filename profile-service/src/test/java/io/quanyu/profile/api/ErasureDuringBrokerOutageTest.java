package io.quanyu.profile.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quanyu.events.Channel;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.ErasureAck;
import io.quanyu.events.ErasureRequest;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.Topics;
import io.quanyu.events.data.IdKind;
import io.quanyu.events.data.Identify;
import io.quanyu.events.data.LinkedId;
import io.quanyu.events.data.ProductView;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.RestartableKafka;
import io.quanyu.testkit.RestartableKafkaResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** An erasure asked for while the broker is down is answered 202 and, once the same broker is back, published by the relay with no manual step. */
@QuarkusTest
@WithTestResource(RestartableKafkaResource.class)
class ErasureDuringBrokerOutageTest {

    /** Injected by {@link RestartableKafkaResource}: a broker of this class's own, since stopping the shared one would stop every other test. */
    RestartableKafka kafka;

    @Inject
    DataSource dataSource;

    @Test
    void anErasureAcceptedWhileTheBrokerIsDownReachesKafkaWhenItReturns() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String customer = "u:" + r;
        Instant t = Instant.now().minus(Duration.ofHours(1));
        List<CloudEvent> events = List.of(
                ProfilePipelineTest.event(Channel.APP, EventType.IDENTIFY, customer, t, new Identify(r, List.of(new LinkedId(IdKind.DEVICE_ID, "dev-" + r)), Map.of())),
                ProfilePipelineTest.event(Channel.APP, EventType.PRODUCT_VIEW, "a:dev-" + r, t.plusSeconds(5), new ProductView("sku-1", "tea", null)));
        try (KafkaTestClient client = new KafkaTestClient(kafka.bootstrapServers())) {
            events.forEach(e -> client.send(Topics.EVENTS, e.subject(), EventCodec.encode(e)));
        }
        ProfilePipelineTest.awaitProfile(r, j -> j.getInt("activity.events") == 2);
        // The whole portrait is on profile.updates.v1 before the outage, so the tombstone has nothing earlier to overtake.
        assertThat(read(Topics.PROFILE_UPDATES, rec -> customer.equals(rec.key()) && rec.value() != null
                && Json.MAPPER.readTree(rec.value()).path("activity").path("events").asInt() == 2, 1)).hasSize(1);

        kafka.stopBroker();
        try {
            given().header("Authorization", ProfilePipelineTest.ADMIN).delete("/v1/profiles/" + r)
                    .then().statusCode(202).body("customer_id", equalTo(customer)).body("erased_keys", equalTo(2));
            given().header("Authorization", ProfilePipelineTest.READER).get("/v1/profiles/" + r).then().statusCode(404);
            // The relay was nudged and found no broker: what the other services must hear waits in the outbox.
            Thread.sleep(1500);
            assertThat(outbox(customer)).containsExactly(Topics.PRIVACY_ERASURE, Topics.PROFILE_UPDATES, Topics.PRIVACY_ERASURE_ACKS);
        } finally {
            kafka.startBroker();
        }

        List<ConsumerRecord<String, byte[]>> requests = read(Topics.PRIVACY_ERASURE, rec -> customer.equals(rec.key()), 1);
        assertThat(requests).hasSize(1);
        ErasureRequest request = ((Decoded.Ok<ErasureRequest>) EventCodec.decode(requests.getFirst().value(), ErasureRequest.class)).value();
        assertThat(request.keys()).containsExactlyInAnyOrder(customer, "a:dev-" + r);
        assertThat(read(Topics.PROFILE_UPDATES, rec -> customer.equals(rec.key()) && rec.value() == null, 1)).hasSize(1);
        List<ConsumerRecord<String, byte[]>> acks = read(Topics.PRIVACY_ERASURE_ACKS, rec -> customer.equals(rec.key()), 1);
        assertThat(acks).hasSize(1);
        ErasureAck ack = ((Decoded.Ok<ErasureAck>) EventCodec.decode(acks.getFirst().value(), ErasureAck.class)).value();
        assertThat(ack.service()).isEqualTo("profile-service");

        // Published once: the rows are gone (they named the customer), and later rounds (every second here) send nothing again.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!outbox(customer).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(outbox(customer)).isEmpty();
        assertThat(read(Topics.PRIVACY_ERASURE, rec -> customer.equals(rec.key()), 2, Duration.ofSeconds(3))).hasSize(1);
    }

    /** The topics of the outbox rows keyed by {@code key}, in publication order. */
    private List<String> outbox(String key) throws Exception {
        List<String> topics = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT topic FROM erasure_outbox WHERE record_key = ? ORDER BY id")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    topics.add(rs.getString(1));
                }
            }
        }
        return topics;
    }

    /**
     * Reads {@code topic} of this test's broker from its start (no consumer group, so a restart of the broker changes
     * nothing about where it reads) until {@code count} records match or the timeout (30 s unless given) passes; returns the matches.
     */
    /** A test of a record that may fail to parse it. */
    @FunctionalInterface
    private interface Match {
        boolean test(ConsumerRecord<String, byte[]> record) throws Exception;
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Match filter, int count) throws Exception {
        return read(topic, filter, count, Duration.ofSeconds(30));
    }

    private List<ConsumerRecord<String, byte[]>> read(String topic, Match filter, int count, Duration timeout) throws Exception {
        List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (matches.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> rec : consumer.poll(Duration.ofMillis(200))) {
                    if (filter.test(rec)) {
                        matches.add(rec);
                    }
                }
            }
        }
        return matches;
    }
}
