package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.mapAt;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml is in step with the services, without Docker: every service is built from its module,
 * on its application.properties port, with the environment it reads, its own database, and a health check
 * on /q/health/ready; Kafka runs KRaft; PostgreSQL creates the databases; Prometheus gets the rules.
 */
class ComposeFileTest {

    static final Path COMPOSE = Repo.path("docker-compose.yml");

    static Map<String, Object> services() {
        return mapAt(Yamls.load(COMPOSE), "services");
    }

    static List<String> volumes(Map<String, Object> service) {
        return Yamls.list(service.get("volumes"), "volumes").stream().map(Object::toString).toList();
    }

    @Test
    void everyServiceIsBuiltFromItsModuleOnItsPort() {
        Map<String, Object> services = services();
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> c = map(services.get(s.name()), s.name());
            assertThat(c).as("compose service %s", s.name()).isNotEmpty();
            assertThat(str(c, "build", "args", "SERVICE")).isEqualTo(s.name());
            assertThat(Repo.path(str(c, "build", "dockerfile"))).exists();
            assertThat(Yamls.list(c.get("ports"), "ports")).as("ports of %s", s.name()).containsExactly(s.port() + ":" + s.port());
            List<Object> test = Yamls.list(at(c, "healthcheck", "test"), "healthcheck");
            assertThat(String.join(" ", test.stream().map(Object::toString).toList())).as("health check of %s", s.name())
                    .contains("http://localhost:" + s.port() + "/q/health/ready");
            assertThat(str(c, "depends_on", "postgres", "condition")).isEqualTo("service_healthy");
            assertThat(str(c, "depends_on", "topics", "condition")).isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void environmentIsWhatEachServiceReads() {
        Map<String, Object> services = services();
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> env = mapAt(map(services.get(s.name()), s.name()), "environment");
            assertThat(env.keySet()).as("variables set for %s that it does not read", s.name()).allMatch(s::reads);
            assertThat(env.keySet()).as("variables %s needs", s.name()).containsAll(s.requiredEnv());
            String url = env.get("QUANYU_DB_URL").toString();
            assertThat(url).as("database of %s", s.name()).isEqualTo("jdbc:postgresql://postgres:5432/" + s.database());
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
            env.forEach((k, v) -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("https?://([a-z0-9-]+):([0-9]+).*").matcher(String.valueOf(v));
                if (m.matches()) {
                    assertThat(services).as("%s of %s names a compose service", k, s.name()).containsKey(m.group(1));
                    assertThat(Yamls.list(map(services.get(m.group(1)), m.group(1)).get("ports"), "ports").toString()).contains(":" + m.group(2));
                }
            });
        }
        assertThat(str(map(services.get("ingestion-service"), "ingestion"), "hostname"))
                .as("a stable HOSTNAME keeps ingestion's transactional ids across restarts").isNotBlank();
    }

    @Test
    void kafkaRunsKraftWithoutAutoCreatedTopics() {
        Map<String, Object> env = mapAt(map(services().get("kafka"), "kafka"), "environment");
        assertThat(env.get("KAFKA_PROCESS_ROLES")).isEqualTo("broker,controller");
        assertThat(String.valueOf(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"))).isEqualTo("false");
        assertThat(String.valueOf(env.get("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR"))).isEqualTo("1");
        assertThat(str(map(services().get("topics"), "topics"), "entrypoint")).contains("io.quanyu.events.TopicAdmin");
    }

    @Test
    void postgresCreatesEveryServiceDatabase() {
        Map<String, Object> pg = map(services().get("postgres"), "postgres");
        assertThat(volumes(pg)).contains("./deploy/docker/create-databases.sql:/docker-entrypoint-initdb.d/create-databases.sql:ro");
        String sql = Repo.read(Repo.deploy("docker/create-databases.sql"));
        Repo.services().forEach(s -> assertThat(sql).contains("CREATE DATABASE " + s.database() + ";"));
    }

    @Test
    void prometheusGetsItsConfigurationAndTheRules() {
        Map<String, Object> services = services();
        List<String> mounts = volumes(map(services.get("prometheus"), "prometheus"));
        assertThat(mounts).contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro",
                "./deploy/prometheus/alerts.yml:/etc/prometheus/alerts.yml:ro");
        Map<String, Object> prom = Yamls.load(Repo.deploy("prometheus/prometheus.yml"));
        for (Object ruleFile : Yamls.list(prom.get("rule_files"), "rule_files")) {
            assertThat(mounts).as("rule file %s is mounted", ruleFile).anyMatch(m -> m.contains(":" + ruleFile + ":") || m.endsWith(":" + ruleFile));
        }
        assertThat(services).containsKey("kafka-exporter");
        List<String> grafana = volumes(map(services.get("grafana"), "grafana"));
        for (String mount : grafana) {
            assertThat(Repo.path(mount.substring(2, mount.indexOf(':')))).as("Grafana mount %s", mount).exists();
        }
        assertThat(grafana).anyMatch(m -> m.startsWith("./deploy/grafana/quanyu.json:"));
    }
}
