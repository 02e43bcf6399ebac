package io.quanyu.profile.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Channel;
import io.quanyu.events.EventCodec;
import io.quanyu.events.EventType;
import io.quanyu.events.Topics;
import io.quanyu.events.data.ProductView;
import io.quanyu.profile.messaging.PortraitResender;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A portrait committed but never acknowledged (the process died in between, as a SIGKILL leaves it) is sent again:
 * its current value, or a tombstone for a customer that no longer exists; acknowledged batches leave no mark behind.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class PortraitResenderTest {

    @Inject
    DataSource dataSource;

    @Inject
    PortraitResender resender;

    @Test
    void whatACrashLeftUnacknowledgedIsSentAgain() throws Exception {
        String r = UUID.randomUUID().toString().substring(0, 8);
        String customer = "u:" + r;
        String gone = "u:gone-" + r;
        try (KafkaTestClient kafka = KafkaTestClient.shared(); KafkaTestClient.Tail updates = kafka.tail(Topics.PROFILE_UPDATES)) {
            var view = ProfilePipelineTest.event(Channel.WEB, EventType.PRODUCT_VIEW, customer, Instant.now().minusSeconds(60),
                    new ProductView("sku-1", "tea", null));
            kafka.send(Topics.EVENTS, customer, EventCodec.encode(view));
            ProfilePipelineTest.awaitProfile(r, j -> j.getInt("activity.events") == 1);
            assertThat(updates.await(1, rec -> customer.equals(rec.key()), Duration.ofSeconds(20))).hasSize(1);
            // Acknowledged: the batch's mark was cleared.
            awaitMarks(customer, 0);

            // What a crash between the commit and the acknowledgement leaves: marks older than the wait.
            try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO unpublished_portrait (customer_id, marked_at) VALUES (?, ?), (?, ?)")) {
                Timestamp old = Timestamp.from(Instant.now().minus(Duration.ofMinutes(5)));
                ps.setString(1, customer);
                ps.setTimestamp(2, old);
                ps.setString(3, gone);
                ps.setTimestamp(4, old);
                ps.executeUpdate();
            }
            assertThat(resender.resend()).isGreaterThanOrEqualTo(2);
            List<ConsumerRecord<String, byte[]>> again = updates.await(2, rec -> customer.equals(rec.key()), Duration.ofSeconds(20));
            assertThat(again).hasSize(2);
            assertThat(new String(again.get(1).value())).contains("\"customer_id\":\"" + customer + "\"");
            List<ConsumerRecord<String, byte[]>> tombstone = updates.await(1, rec -> gone.equals(rec.key()), Duration.ofSeconds(20));
            assertThat(tombstone).hasSize(1);
            assertThat(tombstone.getFirst().value()).isNull();
        }
        awaitMarks(customer, 0);
        awaitMarks(gone, 0);
    }

    private void awaitMarks(String customer, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int n;
        do {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM unpublished_portrait WHERE customer_id = ?")) {
                ps.setString(1, customer);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getInt(1);
                }
            }
            if (n == expected) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(n).as("marks of %s", customer).isEqualTo(expected);
    }
}
