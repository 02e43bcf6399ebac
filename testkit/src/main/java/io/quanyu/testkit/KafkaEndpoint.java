package io.quanyu.testkit;

/** A running Kafka broker a test can use, and how it was obtained. */
public interface KafkaEndpoint extends AutoCloseable {

    String bootstrapServers();

    /** "embedded", "testcontainers" or "external": printed so a test log says what it ran on. */
    String origin();

    @Override
    void close();
}
