package io.quanyu.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft broker inside the test JVM (the Kafka project's own test kit). */
final class EmbeddedKafka {

    private EmbeddedKafka() {
    }

    static KafkaEndpoint start() {
        KafkaClusterTestKit cluster = startCluster();
        return new KafkaEndpoint(cluster.bootstrapServers(), "embedded", () -> {
            try {
                cluster.close();
            } catch (Exception e) {
                // The JVM is exiting; a broker that fails to close cleanly has nothing left to lose.
            }
        });
    }

    /** Formats and starts a one-node combined (broker and controller) cluster, and waits until its broker is ready. */
    static KafkaClusterTestKit startCluster() {
        // A broker whose log dirs vanish while the JVM shuts down calls Exit.halt(1), which would end the test
        // JVM with a failure after every test passed. In a test JVM the broker must never end the process.
        Exit.setHaltProcedure((status, message) -> System.err.println("[quanyu-testkit] embedded broker asked to halt (" + status + "): " + message));
        Exit.setExitProcedure((status, message) -> System.err.println("[quanyu-testkit] embedded broker asked to exit (" + status + "): " + message));
        try {
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build())
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("num.partitions", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return cluster;
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start: " + e, e);
        }
    }
}
