package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.KafkaClientSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The services' Kafka client settings fit the listener they connect to, in every overlay: TLS listeners get the
 * cluster CA as truststore, SCRAM-SHA-512 listeners get the mechanism and the JAAS line of a KafkaUser from the Secret
 * the User Operator writes, and every variable is one KafkaClientSettings knows. At least one overlay authenticates.
 */
class KafkaAuthenticationTest {

    static Stream<Arguments> overlays() {
        return Manifests.overlays().stream().map(o -> Arguments.of("overlays/" + o.getFileName(), Kustomize.build(o)));
    }

    /** The security-related variables of a service container, with their plain values or the Secret key they come from. */
    static Map<String, String> kafkaSettings(Kustomize.Result r, Map<String, Object> c) {
        Map<String, String> out = new TreeMap<>();
        for (String name : WorkloadsTest.environment(r, c).keySet()) {
            if (!KafkaClientSettings.from(Map.of(name, "")).isEmpty() || !KafkaClientSettings.unknown(Map.of(name, "")).isEmpty()) {
                String value = WorkloadsTest.envValue(r, c, name);
                out.put(name, value != null ? value : secretRef(c, name));
            }
        }
        return out;
    }

    /** {@code secret:NAME/KEY} for a variable set from a Secret, or null. */
    static String secretRef(Map<String, Object> c, String name) {
        return maps(c.get("env"), "env").stream().filter(e -> name.equals(e.get("name")) && at(e, "valueFrom", "secretKeyRef") != null)
                .map(e -> "secret:" + str(e, "valueFrom", "secretKeyRef", "name") + "/" + str(e, "valueFrom", "secretKeyRef", "key"))
                .findFirst().orElse(null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void clientSettingsFitTheListener(String what, Kustomize.Result r) {
        Map<String, Object> listener = WorkloadsTest.bootstrapListener(r);
        String cluster = String.valueOf(map(at(r.get("ConfigMap", "quanyu-common"), "data"), "data").get("KAFKA_BOOTSTRAP_SERVERS")).split("-kafka-bootstrap")[0];
        boolean tls = Boolean.TRUE.equals(listener.get("tls"));
        String auth = str(listener, "authentication", "type");
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> c = WorkloadsTest.container(WorkloadsTest.workload(r, s.name()), s.name());
            Map<String, String> settings = kafkaSettings(r, c);
            String who = what + ": " + s.name();
            assertThat(KafkaClientSettings.unknown(settings.keySet().stream().collect(Collectors.toMap(k -> k, k -> ""))))
                    .as("%s: Kafka security variables that name no client property", who).isEmpty();
            String protocol = settings.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            assertThat(protocol.endsWith("SSL")).as("%s: security.protocol %s on listener %s (tls %s)", who, protocol, listener.get("name"), tls).isEqualTo(tls);
            assertThat(protocol.startsWith("SASL_")).as("%s: security.protocol %s on listener %s (authentication %s)", who, protocol, listener.get("name"), auth)
                    .isEqualTo(auth != null);
            if (tls) {
                String ca = cluster + "-cluster-ca-cert";
                assertThat(settings.get("KAFKA_SSL_TRUSTSTORE_TYPE")).as("%s: truststore type", who).isEqualTo("PKCS12");
                assertThat(settings.get("KAFKA_SSL_TRUSTSTORE_PASSWORD")).as("%s: truststore password", who).isEqualTo("secret:" + ca + "/ca.password");
                String location = settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
                Map<String, Object> pod = WorkloadsTest.podSpec(WorkloadsTest.workload(r, s.name()));
                assertThat(maps(c.get("volumeMounts"), "volumeMounts")).as("%s: %s is ca.p12 of the Secret %s, mounted", who, location, ca).anySatisfy(m -> {
                    Map<String, Object> volume = maps(pod.get("volumes"), "volumes").stream().filter(v -> m.get("name").equals(v.get("name"))).findFirst().orElseThrow();
                    assertThat(str(volume, "secret", "secretName")).isEqualTo(ca);
                    String path = maps(at(volume, "secret", "items"), "items").stream().filter(i -> "ca.p12".equals(i.get("key")))
                            .map(i -> i.get("path").toString()).findFirst().orElseThrow();
                    assertThat(location).isEqualTo(m.get("mountPath") + "/" + path);
                });
            } else {
                assertThat(settings.keySet()).as("%s: no TLS settings on a plain listener", who).noneMatch(k -> k.startsWith("KAFKA_SSL_"));
            }
            if ("scram-sha-512".equals(auth)) {
                assertThat(settings.get("KAFKA_SASL_MECHANISM")).as("%s: sasl.mechanism", who).isEqualTo("SCRAM-SHA-512");
                String jaas = settings.get("KAFKA_SASL_JAAS_CONFIG");
                assertThat(jaas).as("%s: sasl.jaas.config comes from a KafkaUser's Secret, never a literal", who).startsWith("secret:").endsWith("/sasl.jaas.config");
                Map<String, Object> user = r.get("KafkaUser", jaas.substring("secret:".length(), jaas.lastIndexOf('/')));
                assertThat(str(user, "metadata", "labels", "strimzi.io/cluster")).as("%s: the KafkaUser's cluster", who).isEqualTo(cluster);
                assertThat(str(user, "spec", "authentication", "type")).as("%s: the KafkaUser's credentials", who).isEqualTo("scram-sha-512");
                assertThat(at(r.get("Kafka", cluster), "spec", "entityOperator", "userOperator")).as("%s: the User Operator writes them", what).isNotNull();
            } else {
                assertThat(auth).as("%s: listener authentication this project configures", what).isNull();
                assertThat(settings.keySet()).as("%s: no SASL settings on a listener without authentication", who).noneMatch(k -> k.startsWith("KAFKA_SASL_"));
            }
        }
        // The listener's settings, once: no plain listener is left beside an authenticated one.
        if (auth != null) {
            assertThat(Yamls.mapsAt(r.get("Kafka", cluster), "spec", "kafka", "listeners")).as("%s: every listener authenticates", what)
                    .allSatisfy(l -> assertThat(at(l, "authentication", "type")).isNotNull());
        }
    }

    @Test
    void anOverlayAuthenticatesWithScram() {
        List<String> scram = new ArrayList<>();
        for (Path overlay : Manifests.overlays()) {
            if ("scram-sha-512".equals(str(WorkloadsTest.bootstrapListener(Kustomize.build(overlay)), "authentication", "type"))) {
                scram.add(overlay.getFileName().toString());
            }
        }
        assertThat(scram).as("overlays whose Kafka listener takes SASL/SCRAM-SHA-512").isNotEmpty();
    }

    /** Every Kafka client the services build takes the environment's security settings (else SASL would reach only some). */
    @Test
    void everyKafkaClientOfTheServicesTakesTheSecuritySettings() throws IOException {
        Pattern client = Pattern.compile("new Kafka(Consumer|Producer)<[^>]*>\\(|(Admin|AdminClient)\\.create\\(");
        List<Path> roots = new ArrayList<>(Repo.services().stream().map(s -> Repo.path(s.name() + "/src/main/java")).toList());
        roots.add(Repo.path("service-support/src/main/java"));
        int clients = 0;
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = client.matcher(Repo.read(f));
                    while (m.find()) {
                        clients++;
                        String rest = Repo.read(f).substring(m.end());
                        assertThat(rest).as("%s: the Kafka client at offset %s gets KafkaClientSettings.with(...)", Repo.root().relativize(f), m.start())
                                .startsWith("KafkaClientSettings.with(");
                    }
                }
            }
        }
        assertThat(clients).as("Kafka clients found in the services and service-support").isGreaterThan(5);
    }
}
