package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No password that works ships with the suite: the Kubernetes base carries no Secret and no literal credential, the
 * trial's PostgreSQL refuses its CHANGE-ME placeholder as the services do, and docker-compose.yml requires every
 * password, token and key from its environment instead of defaulting one.
 */
class NoDefaultPasswordsTest {

    /** Names of settings that hold a credential (env names, ConfigMap keys, YAML keys). */
    static final Pattern CREDENTIAL = Pattern.compile("(?i).*(password|passwd|secret|token|[_-]keys?|jaas[_.-]?config)");

    /** Every scalar under a credential-like key anywhere in a YAML tree, as path=value. */
    static List<String> literalCredentials(Object node, String path) {
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                if (CREDENTIAL.matcher(key).matches() && v instanceof String) {
                    out.add(path + "." + key + "=" + v);
                }
                out.addAll(literalCredentials(v, path + "." + key));
            });
        } else if (node instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                out.addAll(literalCredentials(l.get(i), path + "[" + i + "]"));
            }
        }
        return out;
    }

    @Test
    void theBaseHasNoSecretAndNoLiteralCredential() {
        Kustomize.Result base = Manifests.base();
        assertThat(base.ofKind("Secret")).as("Secrets in the base (an overlay or the operator provides them)").isEmpty();
        for (Map<String, Object> o : base.objects()) {
            assertThat(literalCredentials(o, Yamls.id(o))).as("literal credentials in the base").isEmpty();
            if ("ConfigMap".equals(o.get("kind"))) {
                assertThat(map(o.get("data"), "data").keySet()).as("%s: credentials belong in a Secret", Yamls.id(o))
                        .noneMatch(k -> CREDENTIAL.matcher(k).matches());
            }
        }
        int fromSecrets = 0;
        for (Map<String, Object> c : Kustomize.containers(base.objects())) {
            for (Map<String, Object> e : maps(c.get("env"), "env")) {
                if (CREDENTIAL.matcher(e.get("name").toString()).matches()) {
                    assertThat(at(e, "valueFrom", "secretKeyRef")).as("%s of container %s comes from a Secret", e.get("name"), c.get("name")).isNotNull();
                    fromSecrets++;
                }
            }
        }
        assertThat(fromSecrets).as("credential variables of the base's containers, all from Secrets").isGreaterThanOrEqualTo(Repo.services().size() * 4);
    }

    /** The credential-like variables a service's application.properties reads (outside test and dev profiles). */
    static List<String> credentialsRead(Repo.Service s) {
        return s.envReferences().stream().filter(e -> CREDENTIAL.matcher(e).matches())
                .filter(e -> s.properties().stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                        .anyMatch(k -> s.properties().getProperty(k).contains("${" + e)))
                .toList();
    }

    @Test
    void everyCredentialAServiceReadsComesFromASecretInTheBaseAndFromTheEnvironmentInCompose() {
        Map<String, Object> compose = ComposeFileTest.services();
        for (Repo.Service s : Repo.services()) {
            List<String> credentials = credentialsRead(s);
            assertThat(credentials).as("credentials %s reads", s.name()).contains("QUANYU_DB_PASSWORD");
            Map<String, Object> c = WorkloadsTest.container(WorkloadsTest.workload(Manifests.base(), s.name()), s.name());
            for (String name : credentials) {
                assertThat(maps(c.get("env"), "env")).as("base: %s gets %s from a Secret", s.name(), name)
                        .anySatisfy(e -> {
                            assertThat(e.get("name")).isEqualTo(name);
                            assertThat(at(e, "valueFrom", "secretKeyRef")).isNotNull();
                        });
                assertThat(map(map(compose.get(s.name()), s.name()).get("environment"), "environment"))
                        .as("compose: %s gets %s from the environment", s.name(), name).containsKey(name);
            }
        }
    }

    /** The trial's PostgreSQL command, run with sh and a stand-in for the image's entrypoint. */
    static Process runPostgresCommand(Path dir, String password) throws Exception {
        Path entrypoint = dir.resolve("docker-entrypoint.sh");
        Files.writeString(entrypoint, "#!/bin/sh\necho \"entrypoint $*\"\n");
        Files.setPosixFilePermissions(entrypoint, PosixFilePermissions.fromString("rwxr-xr-x"));
        Map<String, Object> pg = Kustomize.containers(Kustomize.build(Manifests.OVERLAYS.resolve("trial")).objects()).stream()
                .filter(c -> "postgres".equals(c.get("name"))).findFirst().orElseThrow();
        List<String> command = Yamls.list(pg.get("command"), "command").stream().map(Object::toString).toList();
        assertThat(command).as("the PostgreSQL container's command").isNotEmpty();
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", dir + ":" + System.getenv("PATH"));
        pb.environment().put("POSTGRES_PASSWORD", password);
        Process p = pb.start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return p;
    }

    @Test
    void theTrialPostgresRefusesAPlaceholderPassword(@TempDir Path dir) throws Exception {
        String placeholder = String.valueOf(map(Manifests.overlays().stream().map(Kustomize::build)
                .flatMap(r -> r.find("Secret", "quanyu-database").stream()).findFirst().orElseThrow().get("stringData"), "stringData").get("password"));
        Process refused = runPostgresCommand(dir, placeholder);
        assertThat(refused.exitValue()).as("exit status with the shipped password %s", placeholder).isEqualTo(1);
        assertThat(new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("CHANGE-ME").doesNotContain("entrypoint");
        Process started = runPostgresCommand(dir, "kq4ZrW81tYwq0v7Lx2Nf");
        assertThat(new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
                .as("a real password reaches the image's entrypoint").isEqualTo("entrypoint postgres");
        assertThat(started.exitValue()).isZero();
    }

    @Test
    void composeRequiresEveryCredentialAndDefaultsNone() {
        String text = Repo.read(ComposeFileTest.COMPOSE);
        Matcher defaults = Pattern.compile("\\$\\{([A-Z0-9_]+)(:?-)([^}]*)}").matcher(text);
        while (defaults.find()) {
            assertThat(CREDENTIAL.matcher(defaults.group(1)).matches())
                    .as("docker-compose.yml defaults %s to '%s'", defaults.group(1), defaults.group(3)).isFalse();
        }
        int required = 0;
        Map<String, Object> services = ComposeFileTest.services();
        for (Map.Entry<String, Object> svc : services.entrySet()) {
            for (Map.Entry<String, Object> e : map(map(svc.getValue(), svc.getKey()).get("environment"), "environment").entrySet()) {
                if (!CREDENTIAL.matcher(e.getKey()).matches()) {
                    continue;
                }
                if (e.getValue() == null) {
                    continue; // passed through from the host when set there, unset otherwise (Kafka client credentials)
                }
                assertThat(e.getValue().toString()).as("%s of compose service %s: required from the environment", e.getKey(), svc.getKey())
                        .matches("\\$\\{[A-Z0-9_]+:\\?[^}]+}");
                required++;
            }
        }
        assertThat(required).as("credentials compose requires").isGreaterThan(Repo.services().size() * 4);
        assertThat(str(map(services.get("grafana"), "grafana"), "environment", "GF_SECURITY_ADMIN_PASSWORD")).startsWith("${GRAFANA_ADMIN_PASSWORD:?");
        assertThat(str(map(services.get("postgres"), "postgres"), "environment", "POSTGRES_PASSWORD")).startsWith("${QUANYU_DB_PASSWORD:?");
    }

    @Test
    void composePublishesUnauthenticatedInfrastructureOnLoopbackOnly() {
        Map<String, Object> services = ComposeFileTest.services();
        for (String infra : List.of("kafka", "postgres", "prometheus")) {
            assertThat(Yamls.list(map(services.get(infra), infra).get("ports"), "ports")).as("ports of %s", infra)
                    .isNotEmpty().allMatch(p -> p.toString().startsWith("127.0.0.1:"));
        }
    }
}
