package io.quanyu.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Creates the suite's topics from {@link Topics#ALL}; idempotent, so it runs on every start. */
public final class TopicAdmin {

    private TopicAdmin() {
    }

    /** Creates every missing topic; returns the names it created. */
    public static List<String> ensureTopics(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        // A managed broker's TLS and SASL settings (KAFKA_SECURITY_PROTOCOL, ...), as every other client of the suite.
        props.putAll(KafkaClientSettings.fromEnvironment());
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(TopicAdmin::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e.getCause(), e);
        } catch (Exception e) {
            throw new IllegalStateException("could not create topics on " + bootstrapServers + ": " + e, e);
        }
    }

    static NewTopic newTopic(TopicSpec spec) {
        Map<String, String> configs = new HashMap<>();
        if (spec.compacted()) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        } else {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
        }
        // Replication 1 is right for a single local broker; Kubernetes topics are declared in deploy/.
        return new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(configs);
    }

    /** {@code java io.quanyu.events.TopicAdmin <bootstrap>}: used by {@code ./quanyu up}. */
    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        List<String> created = ensureTopics(bootstrap);
        System.out.println("topics: " + Topics.ALL.size() + " present, " + created.size() + " created");
    }
}
