package io.quanyu.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientSettingsTest {

    private static final Map<String, String> ENV = Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", "broker:9093",
            "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
            "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/ca.p12",
            "KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM", "",
            "KAFKA_SASL_MECHANISMS", "PLAIN",
            "KAFKA_HEAP_OPTS", "-Xmx1g",
            "QUANYU_KAFKA_PORT", "19092");

    @Test
    void securityVariablesBecomeClientProperties() {
        assertThat(KafkaClientSettings.from(ENV)).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", ENV.get("KAFKA_SASL_JAAS_CONFIG")),
                Map.entry("ssl.truststore.location", "/etc/kafka/ca.p12"),
                Map.entry("ssl.endpoint.identification.algorithm", ""));
    }

    @Test
    void aMisspelledSecurityVariableIsReported() {
        assertThat(KafkaClientSettings.unknown(ENV)).containsExactly("KAFKA_SASL_MECHANISMS");
    }

    @Test
    void logsHideSecrets() {
        String text = KafkaClientSettings.describe(KafkaClientSettings.from(ENV));
        assertThat(text).contains("security.protocol=SASL_SSL", "sasl.jaas.config=(hidden)").doesNotContain("password=\"p\"");
        assertThat(KafkaClientSettings.describe(Map.of())).isEqualTo("none (PLAINTEXT)");
    }

    @Test
    void withoutSecurityVariablesNothingIsAdded() {
        assertThat(KafkaClientSettings.from(Map.of("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"))).isEmpty();
    }
}
