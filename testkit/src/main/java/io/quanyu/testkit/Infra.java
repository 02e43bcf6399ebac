package io.quanyu.testkit;

import io.quanyu.events.TopicAdmin;
import java.util.Optional;

/**
 * The real Kafka and PostgreSQL of a test JVM, started once and shared by every test in it. Chosen in this
 * order: external ones named by {@code QUANYU_TEST_KAFKA} / {@code QUANYU_TEST_DB_URL} (with
 * {@code QUANYU_TEST_DB_USER}, {@code QUANYU_TEST_DB_PASSWORD}); Testcontainers when a Docker engine is
 * reachable; otherwise the in-JVM broker and the embedded PostgreSQL binaries.
 */
public final class Infra {

    private static KafkaEndpoint kafka;
    private static DatabaseEndpoint database;

    private Infra() {
    }

    /** The shared broker, with every suite topic created. */
    public static synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            long start = System.nanoTime();
            kafka = env("QUANYU_TEST_KAFKA").map(Infra::externalKafka)
                    .orElseGet(() -> ContainerInfra.dockerAvailable() ? ContainerInfra.kafka() : EmbeddedKafka.start());
            TopicAdmin.ensureTopics(kafka.bootstrapServers());
            log("Kafka (" + kafka.origin() + ") at " + kafka.bootstrapServers(), start);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "quanyu-kafka-stop"));
        }
        return kafka;
    }

    /** The shared PostgreSQL server. */
    public static synchronized DatabaseEndpoint database() {
        if (database == null) {
            long start = System.nanoTime();
            database = env("QUANYU_TEST_DB_URL").map(Infra::externalDatabase)
                    .orElseGet(() -> ContainerInfra.dockerAvailable() ? ContainerInfra.postgres() : EmbeddedDatabase.start());
            log("PostgreSQL (" + database.origin() + ") at " + database.jdbcUrl("postgres"), start);
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "quanyu-postgres-stop"));
        }
        return database;
    }

    private static void log(String what, long startNanos) {
        System.out.printf("[quanyu-testkit] %s, ready in %d ms%n", what, (System.nanoTime() - startNanos) / 1_000_000);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    /** Not ours to stop. */
    private static KafkaEndpoint externalKafka(String bootstrap) {
        return new KafkaEndpoint(bootstrap, "external", () -> { });
    }

    /** {@code QUANYU_TEST_DB_URL} names any database on the server, e.g. {@code jdbc:postgresql://db:5432/postgres}. */
    private static DatabaseEndpoint externalDatabase(String url) {
        return new DatabaseEndpoint(url.substring(0, url.lastIndexOf('/') + 1),
                env("QUANYU_TEST_DB_USER").orElse("postgres"), env("QUANYU_TEST_DB_PASSWORD").orElse("postgres"),
                "external", () -> { });
    }
}
