package io.quanyu.testkit;

/**
 * A running Kafka broker a test can use: where it is, how it was obtained ("embedded", "testcontainers" or
 * "external", printed so a test log says what it ran on) and how to stop it.
 */
public record KafkaEndpoint(String bootstrapServers, String origin, Runnable stop) implements AutoCloseable {

    @Override
    public void close() {
        stop.run();
    }
}
