package io.quanyu.testkit;

import io.quanyu.events.KafkaClientSettings;
import io.quanyu.events.TopicSpec;
import io.quanyu.events.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.apache.kafka.common.errors.PolicyViolationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The suite's topics ({@link Topics#ALL}) on any broker, the launcher's own or an operator's: creates the missing
 * ones, and when the account may not create topics says exactly which to create and how. Connects with the
 * security settings of {@link KafkaClientSettings} ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_*},
 * {@code KAFKA_SSL_*}). Topics get the broker's default replication factor unless one is given
 * ({@code QUANYU_KAFKA_REPLICATION_FACTOR}).
 */
public final class TopicSetup {

    /** What was found: topics already there, created now, and warnings about existing ones that differ from the contract. */
    public record Result(List<String> present, List<String> created, List<String> warnings) {
    }

    /** The account may not create the missing topics, or the broker refused them; the message says what to do. */
    public static final class TopicSetupException extends RuntimeException {
        TopicSetupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private TopicSetup() {
    }

    /** Creates every missing topic (or fails saying which to create); {@code replication} empty: the broker's default. */
    public static Result ensure(String bootstrap, Optional<Short> replication) {
        Map<String, Object> config = new HashMap<>();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "quanyu-topic-setup");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(KafkaClientSettings.with(config))) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw noAnswer(bootstrap, e);
            } catch (ExecutionException e) {
                throw connectFailure(bootstrap, e.getCause());
            }
            List<String> present = new ArrayList<>();
            List<TopicSpec> missing = new ArrayList<>();
            for (TopicSpec spec : Topics.ALL) {
                if (existing.contains(spec.name())) {
                    present.add(spec.name());
                } else {
                    missing.add(spec);
                }
            }
            List<String> created = new ArrayList<>();
            List<TopicSpec> denied = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            Throwable firstFailure = null;
            if (!missing.isEmpty()) {
                Map<String, KafkaFuture<Void>> results = admin.createTopics(
                        missing.stream().map(spec -> newTopic(spec, replication)).toList()).values();
                for (TopicSpec spec : missing) {
                    try {
                        results.get(spec.name()).get(60, TimeUnit.SECONDS);
                        created.add(spec.name());
                    } catch (ExecutionException e) {
                        Throwable cause = e.getCause();
                        if (cause instanceof TopicExistsException) {
                            present.add(spec.name()); // created meanwhile, or there but not visible to this account
                            continue;
                        }
                        firstFailure = firstFailure == null ? cause : firstFailure;
                        if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException) {
                            denied.add(spec);
                        } else {
                            refused.add(spec.name() + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage());
                        }
                    } catch (TimeoutException e) {
                        firstFailure = firstFailure == null ? e : firstFailure;
                        refused.add(spec.name() + ": no answer within 60 s");
                    }
                }
            }
            if (!denied.isEmpty()) {
                throw new TopicSetupException(deniedMessage(bootstrap, denied, firstFailure), firstFailure);
            }
            if (!refused.isEmpty()) {
                boolean replicationProblem = firstFailure instanceof InvalidReplicationFactorException
                        || firstFailure instanceof PolicyViolationException;
                throw new TopicSetupException("the broker at " + bootstrap + " did not create " + refused.size() + " topic(s):\n  "
                        + String.join("\n  ", refused)
                        + (replicationProblem ? "\nSet QUANYU_KAFKA_REPLICATION_FACTOR to a replication factor the broker allows (e.g. 3)"
                                + ", or create the topics yourself:\n" + commands(bootstrap, missing) : ""), firstFailure);
            }
            return new Result(present, created, differences(admin, present));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicSetupException("interrupted", e);
        }
    }

    static NewTopic newTopic(TopicSpec spec, Optional<Short> replication) {
        return new NewTopic(spec.name(), Optional.of(spec.partitions()), replication).configs(configs(spec));
    }

    private static Map<String, String> configs(TopicSpec spec) {
        return spec.compacted()
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(spec.retention().toMillis()));
    }

    /** Existing topics that differ from the contract in what matters: fewer partitions, or not compacted. */
    private static List<String> differences(Admin admin, List<String> present) throws InterruptedException {
        List<String> warnings = new ArrayList<>();
        if (present.isEmpty()) {
            return warnings;
        }
        try {
            Map<String, TopicDescription> described = admin.describeTopics(present).allTopicNames().get(30, TimeUnit.SECONDS);
            for (TopicSpec spec : Topics.ALL) {
                TopicDescription d = described.get(spec.name());
                if (d != null && d.partitions().size() < spec.partitions()) {
                    warnings.add(spec.name() + " has " + d.partitions().size() + " partition(s), the suite expects " + spec.partitions()
                            + ": fewer instances of a service can share its load");
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            warnings.add("could not check the existing topics' partitions (DESCRIBE): " + reason(e));
        }
        List<ConfigResource> compacted = Topics.ALL.stream().filter(TopicSpec::compacted).map(TopicSpec::name)
                .filter(present::contains).map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        try {
            Map<ConfigResource, Config> configs = admin.describeConfigs(compacted).all().get(30, TimeUnit.SECONDS);
            configs.forEach((resource, config) -> {
                var policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
                if (policy != null && policy.value() != null && !policy.value().contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    warnings.add(resource.name() + " has cleanup.policy=" + policy.value() + ", the suite expects compact: "
                            + "the latest value of a key would be deleted with old segments");
                }
            });
        } catch (ExecutionException | TimeoutException e) {
            warnings.add("could not check that the compacted topics are compacted (DESCRIBE_CONFIGS): " + reason(e));
        }
        return warnings;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String deniedMessage(String bootstrap, List<TopicSpec> denied, Throwable cause) {
        return "the Kafka account may not create topics on " + bootstrap + " (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + "): " + denied.size() + " of the suite's " + Topics.ALL.size() + " topics are missing"
                + " (or not visible to this account, which needs DESCRIBE on them).\n"
                + "Create them (or grant the account CREATE on the cluster or on these topics), then run ./quanyu up again:\n"
                + commands(bootstrap, denied);
    }

    /** One kafka-topics.sh command per topic, with the partitions and policy of the contract. */
    static String commands(String bootstrap, List<TopicSpec> specs) {
        StringBuilder out = new StringBuilder();
        for (TopicSpec spec : specs) {
            out.append("  kafka-topics.sh --bootstrap-server ").append(bootstrap).append(" --command-config client.properties --create --topic ")
                    .append(spec.name()).append(" --partitions ").append(spec.partitions());
            configs(spec).forEach((k, v) -> out.append(" --config ").append(k).append('=').append(v));
            out.append('\n');
        }
        return out.toString().stripTrailing();
    }

    /**
     * {@code java io.quanyu.testkit.TopicSetup <bootstrap> [--replication-factor N]}: used by {@code ./quanyu up} and
     * {@code ./quanyu topics}. Without the flag, {@code QUANYU_KAFKA_REPLICATION_FACTOR}, else the broker's default.
     * Exits 3 when topics are missing and cannot be created.
     */
    public static void main(String[] args) {
        String bootstrap = args.length > 0 ? args[0] : System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String factor = System.getenv("QUANYU_KAFKA_REPLICATION_FACTOR");
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--replication-factor") && i + 1 < args.length) {
                factor = args[++i];
            } else {
                System.err.println("usage: TopicSetup <bootstrap> [--replication-factor N]");
                System.exit(2);
            }
        }
        Optional<Short> replication = factor == null || factor.isBlank() ? Optional.empty() : Optional.of(Short.parseShort(factor.trim()));
        Map<String, Object> security = KafkaClientSettings.fromEnvironment();
        if (!security.isEmpty()) {
            System.out.println("client security: " + KafkaClientSettings.describe(security));
        }
        for (String unknown : KafkaClientSettings.unknown(System.getenv())) {
            System.out.println("warning: " + unknown + " names no Kafka client property; ignored");
        }
        try {
            Result r = ensure(bootstrap, replication);
            System.out.println("topics: " + Topics.ALL.size() + " in the contract, " + r.present().size() + " present, " + r.created().size()
                    + " created" + (r.created().isEmpty() ? "" : replication.map(f -> " (replication factor " + f + ")")
                            .orElse(" (the broker's default replication factor)")));
            r.warnings().forEach(w -> System.out.println("warning: " + w));
        } catch (TopicSetupException e) {
            System.err.println(e.getMessage());
            System.exit(3);
        }
    }

    private static String settings() {
        return "security: " + KafkaClientSettings.describe(KafkaClientSettings.fromEnvironment());
    }

    private static TopicSetupException noAnswer(String bootstrap, Throwable cause) {
        return new TopicSetupException("no broker answered at " + bootstrap + " within 30 s: check KAFKA_BOOTSTRAP_SERVERS, and "
                + "that the client security settings match the broker's listener (" + settings() + "); a PLAINTEXT client "
                + "on a TLS or SASL listener, or the other way round, only times out. Set KAFKA_SECURITY_PROTOCOL "
                + "(SSL, SASL_SSL, SASL_PLAINTEXT), KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_TRUSTSTORE_LOCATION ...", cause);
    }

    private static TopicSetupException connectFailure(String bootstrap, Throwable cause) {
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return noAnswer(bootstrap, cause);
        }
        if (cause instanceof AuthenticationException) {
            return new TopicSetupException("the broker at " + bootstrap + " refused our credentials: " + cause.getMessage()
                    + " (" + settings() + "; set KAFKA_SASL_JAAS_CONFIG and KAFKA_SASL_MECHANISM)", cause);
        }
        if (cause instanceof TopicAuthorizationException || cause instanceof ClusterAuthorizationException) {
            return new TopicSetupException("the Kafka account may not list topics on " + bootstrap + ": " + cause.getMessage()
                    + "; grant it DESCRIBE on the suite's topics", cause);
        }
        return new TopicSetupException("cannot list topics on " + bootstrap + ": " + cause + " (" + settings() + ")", cause);
    }
}
