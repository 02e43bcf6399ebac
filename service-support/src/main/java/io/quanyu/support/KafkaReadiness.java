package io.quanyu.support;

import io.quanyu.events.KafkaClientSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the broker connection, answered within about two seconds: a probe that hangs for the admin
 * client's default minute would be killed by Kubernetes before it could say DOWN. Services using it set
 * {@code quarkus.kafka.health.enabled=false}.
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private static final int TIMEOUT_MS = 2000;
    private final AdminClient admin;

    public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
        this.admin = AdminClient.create(KafkaClientSettings.with(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "health",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS + 500)));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500, TimeUnit.MILLISECONDS).stream().map(n -> n.host() + ":" + n.port())
                    .collect(Collectors.joining(","));
            return HealthCheckResponse.named("Kafka connection health check").up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka connection health check").down()
                    .withData("reason", "broker unreachable: " + e.getClass().getSimpleName()).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
