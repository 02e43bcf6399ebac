package io.quanyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Starts docker-compose.yml for real where a Docker engine is reachable, and checks that every service turns
 * ready, serves its metrics, and that Prometheus loaded the alert rules. Skipped without Docker (these
 * project machines have none; ComposeFileTest checks the file there) and before the service jars are built.
 */
class ComposeStackTest {

    @Test
    void everyServiceOfTheComposeFileTurnsReady() throws Exception {
        assumeTrue(DockerClientFactory.instance().isDockerAvailable(),
                "no Docker engine is reachable: docker-compose.yml is only checked statically (ComposeFileTest)");
        for (Repo.Service s : Repo.services()) {
            assumeTrue(Files.isRegularFile(Repo.path(s.name() + "/target/quarkus-app/quarkus-run.jar")),
                    "the service jars are not built: run mvn -B package -DskipTests first");
        }
        ComposeContainer compose = new ComposeContainer(Repo.path("docker-compose.yml").toFile())
                .withBuild(true)
                .withEnv(Map.of("QUANYU_API_KEYS", "web=w-key,app=a-key,miniprogram=m-key,store=s-key,ads=ad-key,catalog=c-key",
                        "QUANYU_ADMIN_TOKEN", "compose-test-admin-token",
                        "QUANYU_READER_TOKEN", "compose-test-reader-token",
                        "QUANYU_CUSTOMER_TOKEN_SECRET", "compose-test-customer-token-secret-0123456789",
                        "QUANYU_PII_SECRET", "compose-test-pii-secret-0123456789",
                        "QUANYU_DB_PASSWORD", "compose-test-db-password",
                        "GRAFANA_ADMIN_PASSWORD", "compose-test-grafana-password"))
                .withExposedService("prometheus", 9090, Wait.forHttp("/-/ready").forStatusCode(200)
                        .withStartupTimeout(Duration.ofMinutes(5)));
        for (Repo.Service s : Repo.services()) {
            compose = compose.withExposedService(s.name(), s.port(), Wait.forHttp("/q/health/ready").forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(10)));
        }
        HttpClient http = HttpClient.newHttpClient();
        compose.start();
        try {
            for (Repo.Service s : Repo.services()) {
                String base = "http://" + compose.getServiceHost(s.name(), s.port()) + ":" + compose.getServicePort(s.name(), s.port());
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(ready.statusCode()).as("%s ready", s.name()).isEqualTo(200);
                HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(metrics.body()).as("%s metrics", s.name()).contains("jvm_memory_used_bytes", "process_cpu_usage");
            }
            String prometheus = "http://" + compose.getServiceHost("prometheus", 9090) + ":" + compose.getServicePort("prometheus", 9090);
            HttpResponse<String> rules = http.send(HttpRequest.newBuilder(URI.create(prometheus + "/api/v1/rules")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rules.body()).as("Prometheus loaded alerts.yml").contains("QuanyuServiceDown", "QuanyuFailedEventRate");
        } finally {
            compose.stop();
        }
    }
}
