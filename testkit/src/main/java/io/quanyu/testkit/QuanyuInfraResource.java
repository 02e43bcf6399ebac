package io.quanyu.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a Quarkus application under test at the real shared broker and a fresh database of its own;
 * use with {@code @WithTestResource(QuanyuInfraResource.class)}.
 */
public class QuanyuInfraResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        KafkaEndpoint kafka = Infra.kafka();
        DatabaseEndpoint db = Infra.database();
        String database = db.createDatabase("test");
        return Map.of(
                "kafka.bootstrap.servers", kafka.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false",
                "quarkus.datasource.devservices.enabled", "false",
                "quarkus.datasource.jdbc.url", db.jdbcUrl(database),
                "quarkus.datasource.username", db.username(),
                "quarkus.datasource.password", db.password());
    }

    @Override
    public void stop() {
        // Broker and server are shared by the JVM's tests and stopped by their shutdown hooks.
    }
}
