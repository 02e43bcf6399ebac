package io.quanyu.testkit;

import io.quanyu.events.TopicAdmin;
import kafka.server.BrokerServer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/** A broker of one test's own, in the JVM, that it can stop and start again on the same port with its data: a real broker outage. */
public final class RestartableKafka implements AutoCloseable {

    // Not the shared broker of Infra.kafka(): every other test in the JVM uses that one.

    private final KafkaClusterTestKit cluster;
    private final BrokerServer broker;
    private boolean up = true;

    private RestartableKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
        this.broker = cluster.brokers().values().iterator().next();
    }

    /** Starts a one-node KRaft cluster with every suite topic created. */
    public static RestartableKafka start() {
        long start = System.nanoTime();
        RestartableKafka kafka = new RestartableKafka(EmbeddedKafka.startCluster());
        TopicAdmin.ensureTopics(kafka.bootstrapServers());
        System.out.printf("[quanyu-testkit] restartable Kafka at %s, ready in %d ms%n", kafka.bootstrapServers(), (System.nanoTime() - start) / 1_000_000);
        return kafka;
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker (its controller keeps the cluster's metadata); from now on clients get connection refused on
     * its port. Returns once it is down.
     */
    public synchronized void stopBroker() {
        if (up) {
            broker.shutdown();
            broker.awaitShutdown();
            up = false;
        }
    }

    /** Starts the broker again on the same port, with the logs it had, and returns once it serves clients. */
    public synchronized void startBroker() {
        if (!up) {
            try {
                broker.startup();
                cluster.waitForReadyBrokers();
            } catch (Exception e) {
                throw new IllegalStateException("the broker did not start again: " + e, e);
            }
            up = true;
        }
    }

    public synchronized boolean brokerUp() {
        return up;
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            // Closing a test's broker at the end of its class: nothing is left that its failure could lose.
        }
    }
}
