package io.quanyu.events;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The client settings a managed broker needs (TLS, SASL), read from the environment so that every Kafka client of
 * the suite gets them the same way: a variable {@code KAFKA_<NAME>} sets the client property whose name is NAME in
 * lower case with {@code _} read as {@code .}, for the properties starting {@code security.}, {@code sasl.} or
 * {@code ssl.}. The same spelling as {@code KAFKA_BOOTSTRAP_SERVERS} for {@code kafka.bootstrap.servers}:
 * <pre>
 * KAFKA_SECURITY_PROTOCOL=SASL_SSL                      security.protocol
 * KAFKA_SASL_MECHANISM=SCRAM-SHA-512                    sasl.mechanism
 * KAFKA_SASL_JAAS_CONFIG='org.apache...ScramLoginModule required username="u" password="p";'   sasl.jaas.config
 * KAFKA_SSL_TRUSTSTORE_LOCATION=/etc/kafka/ca.p12      ssl.truststore.location (also _PASSWORD, _TYPE)
 * KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM=          ssl.endpoint.identification.algorithm
 * </pre>
 * Other {@code KAFKA_*} variables (the broker's own settings in some images, {@code KAFKA_OPTS}) are not client
 * security settings and are left alone. A client's own settings win over the environment's.
 */
public final class KafkaClientSettings {

    public static final String ENV_PREFIX = "KAFKA_";
    private static final List<String> PREFIXES = List.of("security.", "sasl.", "ssl.");
    private static final Set<String> CLIENT_PROPERTIES = clientProperties();

    private KafkaClientSettings() {
    }

    /** The security settings named by this process's environment. */
    public static Map<String, Object> fromEnvironment() {
        return from(System.getenv());
    }

    /** The security settings named by {@code env} ({@code KAFKA_SECURITY_PROTOCOL} and the like). */
    public static Map<String, Object> from(Map<String, String> env) {
        Map<String, Object> out = new TreeMap<>();
        env.forEach((name, value) -> {
            String property = property(name);
            if (property != null && CLIENT_PROPERTIES.contains(property) && value != null) {
                out.put(property, value);
            }
        });
        return out;
    }

    /** {@code config} with this process's security settings added; {@code config}'s own entries win. */
    public static Map<String, Object> with(Map<String, ?> config) {
        Map<String, Object> out = new HashMap<>(fromEnvironment());
        out.putAll(config);
        return out;
    }

    /**
     * Variables that look like security settings ({@code KAFKA_SASL_*}, {@code KAFKA_SSL_*}, {@code KAFKA_SECURITY_*})
     * but name no client property, so a typo is reported rather than silently ignored.
     */
    public static Set<String> unknown(Map<String, String> env) {
        return env.keySet().stream()
                .filter(name -> {
                    String property = property(name);
                    return property != null && !CLIENT_PROPERTIES.contains(property);
                })
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** For logs: the property names with the values of passwords and JAAS configurations hidden. */
    public static String describe(Map<String, ?> settings) {
        if (settings.isEmpty()) {
            return "none (PLAINTEXT)";
        }
        return new TreeMap<>(settings).entrySet().stream()
                .map(e -> e.getKey() + "=" + (secret(e.getKey()) ? "(hidden)" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static boolean secret(String property) {
        return property.contains("password") || property.contains("jaas") || property.endsWith(".key")
                || property.contains("secret");
    }

    /** The client property an environment variable would set, or null when it is not a security-like name. */
    private static String property(String envName) {
        if (!envName.startsWith(ENV_PREFIX)) {
            return null;
        }
        String property = envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        return PREFIXES.stream().anyMatch(property::startsWith) ? property : null;
    }

    private static Set<String> clientProperties() {
        Set<String> names = new TreeSet<>();
        names.addAll(AdminClientConfig.configNames());
        names.addAll(ProducerConfig.configNames());
        names.addAll(ConsumerConfig.configNames());
        names.removeIf(n -> PREFIXES.stream().noneMatch(n::startsWith));
        return Set.copyOf(names);
    }
}
