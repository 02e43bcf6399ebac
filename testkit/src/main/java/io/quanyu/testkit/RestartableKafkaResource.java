package io.quanyu.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Runs a {@code @QuarkusTest} on a {@link RestartableKafka} of its own, injected into its field of that type, and a fresh database. */
public class RestartableKafkaResource implements QuarkusTestResourceLifecycleManager {

    private RestartableKafka kafka;

    @Override
    public Map<String, String> start() {
        kafka = RestartableKafka.start();
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
    public void inject(TestInjector injector) {
        // By name: the test class may come from another class loader than this resource.
        injector.injectIntoFields(kafka, f -> f.getType().getName().equals(RestartableKafka.class.getName()));
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
