package io.quanyu.testkit;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kafka and PostgreSQL in containers, used when a Docker engine is reachable. */
final class ContainerInfra {

    static final String KAFKA_IMAGE = "apache/kafka:4.1.1";
    static final String POSTGRES_IMAGE = "postgres:16-alpine";

    private ContainerInfra() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }

    static KafkaEndpoint kafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        kafka.start();
        return new KafkaEndpoint(kafka.getBootstrapServers(), "testcontainers", kafka::stop);
    }

    static DatabaseEndpoint postgres() {
        PostgreSQLContainer pg = new PostgreSQLContainer(POSTGRES_IMAGE);
        pg.start();
        return new DatabaseEndpoint("jdbc:postgresql://" + pg.getHost() + ":" + pg.getMappedPort(5432) + "/",
                pg.getUsername(), pg.getPassword(), "testcontainers", pg::stop);
    }
}
