package io.quanyu.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The kit gives a real broker with the suite's topics, and a real PostgreSQL with fresh databases. */
class InfraTest {

    @Test
    void brokerHasEveryTopicWithItsPartitionsAndCompaction() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.kafka().bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.ALL.stream().map(t -> t.name()).toList());
            TopicDescription events = admin.describeTopics(Set.of(Topics.EVENTS)).allTopicNames().get().get(Topics.EVENTS);
            assertThat(events.partitions()).hasSize(Topics.CUSTOMER_PARTITIONS);
            ConfigResource updates = new ConfigResource(ConfigResource.Type.TOPIC, Topics.PROFILE_UPDATES);
            String policy = admin.describeConfigs(Set.of(updates)).all().get().get(updates).get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void recordsRoundTripThroughTheBroker() {
        try (KafkaTestClient client = KafkaTestClient.shared();
             KafkaTestClient.Tail tail = client.tail(Topics.RAW_WEB)) {
            client.send(Topics.RAW_WEB, "k1", "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
            var got = tail.await(1, r -> "k1".equals(r.key()), Duration.ofSeconds(30));
            assertThat(got).hasSize(1);
            assertThat(new String(got.getFirst().value(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void eachCreatedDatabaseIsFreshAndUsable() throws Exception {
        DatabaseEndpoint db = Infra.database();
        String a = db.createDatabase("kit");
        String b = db.createDatabase("kit");
        assertThat(a).isNotEqualTo(b);
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(a), db.username(), db.password())) {
            c.createStatement().execute("CREATE TABLE t (id int primary key)");
            c.createStatement().execute("INSERT INTO t VALUES (7)");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT id, version() FROM t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
                assertThat(rs.getString(2)).startsWith("PostgreSQL");
            }
        }
    }
}
