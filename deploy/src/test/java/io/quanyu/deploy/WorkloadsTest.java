package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.mapAt;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.mapsAt;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.events.TopicSpec;
import io.quanyu.events.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workloads of the base and of every overlay, after kustomize: one ConfigMap, Service, workload and
 * autoscaler per service; ports, probes, resources, environment and references that resolve; the numbers
 * compared with each service's application.properties and with common-events.
 */
class WorkloadsTest {

    static Stream<Arguments> renderings() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of("base", Manifests.base(), false));
        for (Path overlay : Manifests.overlays()) {
            out.add(Arguments.of("overlays/" + overlay.getFileName(), Kustomize.build(overlay), true));
        }
        return out.stream();
    }

    static Map<String, Object> workload(Kustomize.Result r, String name) {
        return r.ofKind("Deployment", "StatefulSet").stream().filter(o -> name.equals(str(o, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no Deployment or StatefulSet " + name));
    }

    static Map<String, Object> podSpec(Map<String, Object> workload) {
        return mapAt(workload, "spec", "template", "spec");
    }

    static Map<String, Object> container(Map<String, Object> workload, String name) {
        return mapsAt(podSpec(workload), "containers").stream().filter(c -> name.equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(Yamls.id(workload) + " has no container " + name));
    }

    /** Every environment variable a container gets, with where its value comes from. */
    static Map<String, String> environment(Kustomize.Result r, Map<String, Object> c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (Map<String, Object> from : maps(c.get("envFrom"), "envFrom")) {
            String cm = str(from, "configMapRef", "name");
            if (cm != null) {
                r.find("ConfigMap", cm).ifPresent(o -> mapAt(o, "data").keySet().forEach(k -> env.put(k, "configmap " + cm)));
            }
            String secret = str(from, "secretRef", "name");
            if (secret != null) {
                r.find("Secret", secret).ifPresent(o -> secretKeys(o).forEach(k -> env.put(k, "secret " + secret)));
            }
        }
        for (Map<String, Object> e : maps(c.get("env"), "env")) {
            env.put(e.get("name").toString(), e.containsKey("value") ? "value" : "valueFrom");
        }
        return env;
    }

    static Set<String> secretKeys(Map<String, Object> secret) {
        Set<String> keys = new TreeSet<>(mapAt(secret, "data").keySet());
        keys.addAll(mapAt(secret, "stringData").keySet());
        return keys;
    }

    /** The value a container's environment gives a variable, through env values and ConfigMaps (not Secrets). */
    static String envValue(Kustomize.Result r, Map<String, Object> c, String name) {
        String value = null;
        for (Map<String, Object> from : maps(c.get("envFrom"), "envFrom")) {
            String cm = str(from, "configMapRef", "name");
            if (cm != null && r.find("ConfigMap", cm).isPresent() && mapAt(r.get("ConfigMap", cm), "data").containsKey(name)) {
                value = String.valueOf(mapAt(r.get("ConfigMap", cm), "data").get(name));
            }
        }
        for (Map<String, Object> e : maps(c.get("env"), "env")) {
            if (name.equals(e.get("name")) && e.containsKey("value")) {
                value = String.valueOf(e.get("value"));
            }
        }
        return value;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServiceHasConfigServiceWorkloadAndAutoscaler(String what, Kustomize.Result r, boolean complete) {
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> w = workload(r, s.name());
            assertThat(r.find("Service", s.name())).as("%s: Service %s", what, s.name()).isPresent();
            assertThat(r.find("ConfigMap", s.name() + "-config")).as("%s: ConfigMap %s-config", what, s.name()).isPresent();
            assertThat(r.find("HorizontalPodAutoscaler", s.name())).as("%s: HorizontalPodAutoscaler %s", what, s.name()).isPresent();
            assertThat(str(w, "metadata", "labels", "app.kubernetes.io/part-of")).isEqualTo("quanyu");
            assertThat(str(w, "spec", "template", "metadata", "labels", "app.kubernetes.io/name")).isEqualTo(s.name());
            Map<String, Object> c = container(w, s.name());
            String[] image = Kustomize.splitImage(c.get("image").toString());
            assertThat(image[0]).as("%s: image of %s", what, s.name()).endsWith("quanyu/" + s.name());
            assertThat(image[1]).as("%s: image tag of %s", what, s.name()).isNotBlank();
        }
        assertThat(r.ofKind("Deployment", "StatefulSet").stream().map(o -> str(o, "metadata", "name"))
                .filter(n -> n.endsWith("-service")).toList())
                .as("%s: every *-service workload is a service of the repository", what)
                .allMatch(n -> Repo.services().stream().anyMatch(s -> s.name().equals(n)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void portsEqualApplicationProperties(String what, Kustomize.Result r, boolean complete) {
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> w = workload(r, s.name());
            Map<String, Object> c = container(w, s.name());
            List<Map<String, Object>> ports = maps(c.get("ports"), "ports");
            assertThat(ports).as("%s: ports of %s", what, s.name()).hasSize(1);
            assertThat(ports.getFirst().get("name")).isEqualTo("http");
            assertThat(ports.getFirst().get("containerPort")).as("%s: containerPort of %s = quarkus.http.port", what, s.name())
                    .isEqualTo(s.port());
            assertThat(envValue(r, c, "QUARKUS_HTTP_PORT")).as("%s: QUARKUS_HTTP_PORT of %s", what, s.name())
                    .isEqualTo(String.valueOf(s.port()));
            Map<String, Object> svc = r.get("Service", s.name());
            assertThat(mapsAt(svc, "spec", "ports")).as("%s: Service %s ports", what, s.name())
                    .anySatisfy(p -> assertThat(p.get("port")).isEqualTo(s.port()));
            assertThat(str(w, "spec", "template", "metadata", "annotations", "prometheus.io/port")).isEqualTo(String.valueOf(s.port()));
            assertThat(str(w, "spec", "template", "metadata", "annotations", "prometheus.io/path")).isEqualTo("/q/metrics");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesUseQuarkusHealthEndpointsOnTheHttpPort(String what, Kustomize.Result r, boolean complete) {
        Map<String, String> expected = Map.of("startupProbe", "/q/health/started", "livenessProbe", "/q/health/live",
                "readinessProbe", "/q/health/ready");
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> c = container(workload(r, s.name()), s.name());
            expected.forEach((probe, path) -> {
                assertThat(c.get(probe)).as("%s: %s of %s", what, probe, s.name()).isNotNull();
                assertThat(str(c, probe, "httpGet", "path")).as("%s: %s path of %s", what, probe, s.name()).isEqualTo(path);
                Object port = at(c, probe, "httpGet", "port");
                assertThat(port.equals("http") || port.equals(s.port())).as("%s: %s port of %s is http or %s", what, probe, s.name(), s.port())
                        .isTrue();
                assertThat(((Number) at(c, probe, "periodSeconds")).intValue()).isPositive();
                assertThat(((Number) at(c, probe, "timeoutSeconds")).intValue()).isBetween(1, 10);
            });
            int startupBudget = ((Number) at(c, "startupProbe", "periodSeconds")).intValue()
                    * ((Number) at(c, "startupProbe", "failureThreshold")).intValue();
            assertThat(startupBudget).as("%s: seconds %s may take to start", what, s.name()).isBetween(60, 600);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyContainerHasProbesRequestsAndLimits(String what, Kustomize.Result r, boolean complete) {
        for (Map<String, Object> w : r.ofKind(Kustomize.WORKLOAD_KINDS.toArray(String[]::new))) {
            for (Map<String, Object> c : mapsAt(podSpec(w), "containers")) {
                String who = what + ": " + Yamls.id(w) + " container " + c.get("name");
                assertThat(c.get("livenessProbe")).as("%s livenessProbe", who).isNotNull();
                assertThat(c.get("readinessProbe")).as("%s readinessProbe", who).isNotNull();
                for (String resource : List.of("cpu", "memory")) {
                    Object request = at(c, "resources", "requests", resource);
                    Object limit = at(c, "resources", "limits", resource);
                    assertThat(request).as("%s requests.%s", who, resource).isNotNull();
                    assertThat(limit).as("%s limits.%s", who, resource).isNotNull();
                    assertThat(Quantity.parse(request)).as("%s requests.%s <= limits", who, resource)
                            .isLessThanOrEqualTo(Quantity.parse(limit));
                }
                // The JVM takes 75 % of the limit for its heap: below 384 Mi it would not hold a service.
                if (str(w, "metadata", "name").endsWith("-service")) {
                    assertThat(Quantity.parse(at(c, "resources", "limits", "memory"))).as("%s memory limit", who)
                            .isGreaterThanOrEqualTo(Quantity.parse("512Mi"));
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void servicesSelectWorkloadsAndTheirPorts(String what, Kustomize.Result r, boolean complete) {
        for (Map<String, Object> svc : r.ofKind("Service")) {
            Map<String, Object> selector = mapAt(svc, "spec", "selector");
            assertThat(selector).as("%s: %s has a selector", what, Yamls.id(svc)).isNotEmpty();
            List<Map<String, Object>> selected = r.ofKind(Kustomize.WORKLOAD_KINDS.toArray(String[]::new)).stream()
                    .filter(w -> mapAt(w, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("%s: workloads selected by %s", what, Yamls.id(svc)).isNotEmpty();
            for (Map<String, Object> port : mapsAt(svc, "spec", "ports")) {
                Object target = port.getOrDefault("targetPort", port.get("port"));
                for (Map<String, Object> w : selected) {
                    assertThat(mapsAt(podSpec(w), "containers").stream().flatMap(c -> maps(c.get("ports"), "ports").stream())
                            .anyMatch(p -> target.equals(p.get("name")) || target.equals(p.get("containerPort"))))
                            .as("%s: targetPort %s of %s is a port of %s", what, target, Yamls.id(svc), Yamls.id(w)).isTrue();
                }
            }
        }
        for (Map<String, Object> w : r.ofKind(Kustomize.WORKLOAD_KINDS.toArray(String[]::new))) {
            Map<String, Object> matchLabels = mapAt(w, "spec", "selector", "matchLabels");
            assertThat(matchLabels).as("%s: %s selector", what, Yamls.id(w)).isNotEmpty();
            assertThat(mapAt(w, "spec", "template", "metadata", "labels").entrySet()).as("%s: %s pod labels match its selector", what, Yamls.id(w))
                    .containsAll(matchLabels.entrySet());
            if ("StatefulSet".equals(w.get("kind"))) {
                Map<String, Object> governing = r.get("Service", str(w, "spec", "serviceName"));
                assertThat(str(governing, "spec", "clusterIP")).as("%s: governing Service of %s is headless", what, Yamls.id(w)).isEqualTo("None");
                assertThat(matchLabels.entrySet()).containsAll(mapAt(governing, "spec", "selector").entrySet());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void configMapSecretAndVolumeReferencesResolve(String what, Kustomize.Result r, boolean complete) {
        for (Map<String, Object> w : r.ofKind(Kustomize.WORKLOAD_KINDS.toArray(String[]::new))) {
            Map<String, Object> pod = podSpec(w);
            Set<String> volumes = new TreeSet<>();
            maps(pod.get("volumes"), "volumes").forEach(v -> volumes.add(v.get("name").toString()));
            maps(at(w, "spec", "volumeClaimTemplates"), "volumeClaimTemplates").forEach(v -> volumes.add(str(v, "metadata", "name")));
            for (Map<String, Object> v : maps(pod.get("volumes"), "volumes")) {
                if (v.get("configMap") != null) {
                    assertThat(r.find("ConfigMap", str(v, "configMap", "name"))).as("%s: ConfigMap of volume %s", what, v.get("name")).isPresent();
                }
                String secretName = str(v, "secret", "secretName");
                if (secretName != null && !strimziSecretKeys(r, secretName).isEmpty()) {
                    maps(at(v, "secret", "items"), "items").forEach(i -> assertThat(strimziSecretKeys(r, secretName))
                            .as("%s: volume %s takes a key Strimzi writes to %s", what, v.get("name"), secretName).contains(i.get("key").toString()));
                } else if (secretName != null && complete) {
                    assertThat(r.find("Secret", secretName)).as("%s: Secret of volume %s", what, v.get("name")).isPresent();
                }
            }
            for (Map<String, Object> c : mapsAt(pod, "containers")) {
                String who = what + ": " + Yamls.id(w) + " container " + c.get("name");
                maps(c.get("volumeMounts"), "volumeMounts").forEach(m -> assertThat(volumes).as("%s mounts %s", who, m.get("name")).contains(m.get("name").toString()));
                for (Map<String, Object> from : maps(c.get("envFrom"), "envFrom")) {
                    if (from.get("configMapRef") != null) {
                        assertThat(r.find("ConfigMap", str(from, "configMapRef", "name"))).as("%s envFrom %s", who, from).isPresent();
                    }
                    if (from.get("secretRef") != null && complete) {
                        assertThat(r.find("Secret", str(from, "secretRef", "name"))).as("%s envFrom %s", who, from).isPresent();
                    }
                }
                for (Map<String, Object> e : maps(c.get("env"), "env")) {
                    Map<String, Object> from = map(e.get("valueFrom"), "valueFrom");
                    if (from.get("configMapKeyRef") != null) {
                        Map<String, Object> cm = r.get("ConfigMap", str(from, "configMapKeyRef", "name"));
                        assertThat(mapAt(cm, "data")).as("%s env %s", who, e.get("name")).containsKey(str(from, "configMapKeyRef", "key"));
                    }
                    if (from.get("secretKeyRef") != null) {
                        String secret = str(from, "secretKeyRef", "name");
                        if (!strimziSecretKeys(r, secret).isEmpty()) {
                            assertThat(strimziSecretKeys(r, secret)).as("%s env %s: a key Strimzi writes to %s", who, e.get("name"), secret)
                                    .contains(str(from, "secretKeyRef", "key"));
                            continue;
                        }
                        assertThat(secret).as("%s env %s: secret name", who, e.get("name")).isIn("quanyu-database", "quanyu-credentials");
                        // An optional key (QUANYU_SERVER_KEYS) may be left out of the Secret: the service has a default.
                        if (complete && !Boolean.TRUE.equals(at(from, "secretKeyRef", "optional"))) {
                            assertThat(secretKeys(r.get("Secret", secret))).as("%s env %s", who, e.get("name"))
                                    .contains(str(from, "secretKeyRef", "key"));
                        }
                    }
                    if (from.get("fieldRef") != null) {
                        assertThat(str(from, "fieldRef", "fieldPath")).isIn("metadata.name", "metadata.namespace", "status.podIP");
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void environmentIsWhatEachServiceReads(String what, Kustomize.Result r, boolean complete) {
        for (Repo.Service s : Repo.services()) {
            Map<String, String> env = environment(r, container(workload(r, s.name()), s.name()));
            assertThat(env.keySet()).as("%s: variables set for %s that it does not read (application.properties, @ConfigMapping)", what, s.name())
                    .allMatch(s::reads);
            assertThat(env.keySet()).as("%s: variables %s needs", what, s.name()).containsAll(s.requiredEnv());
            // A URL of another service names its Service and port.
            for (String name : env.keySet()) {
                String value = envValue(r, container(workload(r, s.name()), s.name()), name);
                java.util.regex.Matcher m = value == null ? null : java.util.regex.Pattern.compile("https?://([a-z0-9-]+):([0-9]+)(/.*)?").matcher(value);
                if (m != null && m.matches()) {
                    assertThat(mapsAt(r.get("Service", m.group(1)), "spec", "ports")).as("%s: %s of %s names a Service port", what, name, s.name())
                            .anySatisfy(p -> assertThat(p.get("port")).isEqualTo(Integer.parseInt(m.group(2))));
                }
            }
            String url = envValue(r, container(workload(r, s.name()), s.name()), "QUANYU_DB_URL");
            if (s.database() != null) {
                assertThat(url).as("%s: QUANYU_DB_URL of %s", what, s.name()).startsWith("jdbc:postgresql://").endsWith("/" + s.database());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void autoscalersTargetWorkloadsWithinThePartitionBound(String what, Kustomize.Result r, boolean complete) {
        for (Map<String, Object> hpa : r.ofKind("HorizontalPodAutoscaler")) {
            String who = what + ": " + Yamls.id(hpa);
            assertThat(hpa.get("apiVersion")).isEqualTo("autoscaling/v2");
            Map<String, Object> ref = mapAt(hpa, "spec", "scaleTargetRef");
            assertThat(ref.get("apiVersion")).isEqualTo("apps/v1");
            Map<String, Object> w = r.get(ref.get("kind").toString(), ref.get("name").toString());
            assertThat(at(w, "spec", "replicas")).as("%s: %s leaves replicas to the autoscaler", who, Yamls.id(w)).isNull();
            int min = ((Number) at(hpa, "spec", "minReplicas")).intValue();
            int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
            assertThat(min).as("%s minReplicas", who).isBetween(1, max);
            String topic = str(hpa, "metadata", "annotations", "quanyu.io/partition-bound-topic");
            TopicSpec spec = Topics.spec(topic).orElseThrow(() -> new AssertionError(who + ": bounding topic " + topic + " is not in Topics.ALL"));
            Map<String, Object> c = mapsAt(podSpec(w), "containers").getFirst();
            int threads = Stream.of("QUANYU_INGESTION_WORKERS", "QUANYU_PROFILE_WORKERS").map(n -> envValue(r, c, n))
                    .filter(v -> v != null).mapToInt(Integer::parseInt).findFirst().orElse(1);
            assertThat(max * threads).as("%s: maxReplicas x consumer threads per pod <= partitions of %s (%s)", who, topic, spec.partitions())
                    .isLessThanOrEqualTo(spec.partitions());
            for (Map<String, Object> metric : mapsAt(hpa, "spec", "metrics")) {
                if ("Resource".equals(metric.get("type"))) {
                    String resource = str(metric, "resource", "name");
                    assertThat(at(c, "resources", "requests", resource)).as("%s: utilization of %s needs a request", who, resource).isNotNull();
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void ingestionIsAStatefulSetSoItsTransactionalIdsSurviveRestarts(String what, Kustomize.Result r, boolean complete) {
        Map<String, Object> w = workload(r, "ingestion-service");
        assertThat(w.get("kind")).isEqualTo("StatefulSet");
        Map<String, Object> hostname = maps(container(w, "ingestion-service").get("env"), "env").stream()
                .filter(e -> "HOSTNAME".equals(e.get("name"))).findFirst().orElseThrow(() -> new AssertionError("HOSTNAME is not set"));
        assertThat(str(hostname, "valueFrom", "fieldRef", "fieldPath")).isEqualTo("metadata.name");
        // The reason: the transactional id prefix (and the group instance id) derive from HOSTNAME.
        String config = Repo.read(Repo.path("ingestion-service/src/main/java/io/quanyu/ingestion/config/IngestionConfig.java"));
        assertThat(config).contains("${HOSTNAME");
        // The other services are Deployments: nothing of theirs is bound to a pod's identity.
        Repo.services().stream().filter(s -> !s.name().equals("ingestion-service"))
                .forEach(s -> assertThat(workload(r, s.name()).get("kind")).as("%s: kind of %s", what, s.name()).isEqualTo("Deployment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void kafkaBootstrapNamesTheStrimziCluster(String what, Kustomize.Result r, boolean complete) {
        String bootstrap = String.valueOf(mapAt(r.get("ConfigMap", "quanyu-common"), "data").get("KAFKA_BOOTSTRAP_SERVERS"));
        assertThat(bootstrap).matches("[a-z0-9-]+-kafka-bootstrap:[0-9]+");
        String cluster = bootstrap.substring(0, bootstrap.indexOf("-kafka-bootstrap"));
        int port = Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1));
        r.ofKind("KafkaTopic").forEach(t -> assertThat(str(t, "metadata", "labels", "strimzi.io/cluster"))
                .as("%s: cluster of %s", what, Yamls.id(t)).isEqualTo(cluster));
        if (complete) {
            Map<String, Object> kafka = r.get("Kafka", cluster);
            // Plain or authenticated: KafkaAuthenticationTest checks that the clients' settings fit the listener.
            assertThat(bootstrapListener(r).get("type")).as("%s: the listener on %s is internal", what, port).isEqualTo("internal");
            assertThat(at(kafka, "spec", "entityOperator", "topicOperator")).as("%s: the Topic Operator manages the KafkaTopics", what).isNotNull();
            assertThat(at(kafka, "spec", "kafkaExporter")).as("%s: the Kafka Exporter feeds the consumer lag alert", what).isNotNull();
            int brokers = r.ofKind("KafkaNodePool").stream()
                    .filter(p -> cluster.equals(str(p, "metadata", "labels", "strimzi.io/cluster")))
                    .filter(p -> Yamls.list(at(p, "spec", "roles"), "roles").contains("broker"))
                    .mapToInt(p -> ((Number) at(p, "spec", "replicas")).intValue()).sum();
            assertThat(brokers).as("%s: brokers of %s", what, cluster).isPositive();
            Map<String, Object> config = mapAt(kafka, "spec", "kafka", "config");
            for (String factor : List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor", "default.replication.factor")) {
                assertThat(((Number) config.get(factor)).intValue()).as("%s: %s", what, factor).isBetween(1, brokers);
            }
            for (Map<String, Object> t : r.ofKind("KafkaTopic")) {
                int replicas = ((Number) at(t, "spec", "replicas")).intValue();
                assertThat(replicas).as("%s: replicas of %s", what, Yamls.id(t)).isBetween(1, brokers);
                assertThat(((Number) at(t, "spec", "config", "min.insync.replicas")).intValue()).isBetween(1, replicas);
            }
        }
    }

    /** The listener of the Strimzi cluster that KAFKA_BOOTSTRAP_SERVERS names, by its port. */
    static Map<String, Object> bootstrapListener(Kustomize.Result r) {
        String bootstrap = String.valueOf(mapAt(r.get("ConfigMap", "quanyu-common"), "data").get("KAFKA_BOOTSTRAP_SERVERS"));
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        Map<String, Object> kafka = r.get("Kafka", bootstrap.substring(0, bootstrap.indexOf("-kafka-bootstrap")));
        return mapsAt(kafka, "spec", "kafka", "listeners").stream().filter(l -> Integer.valueOf(port).equals(l.get("port"))).findFirst()
                .orElseThrow(() -> new AssertionError(Yamls.id(kafka) + " has no listener on " + port + " (KAFKA_BOOTSTRAP_SERVERS)"));
    }

    /**
     * The keys of a Secret that Strimzi writes at run time for this rendering: a KafkaUser's credentials
     * ({@code password}, {@code sasl.jaas.config}) and a cluster's CA certificate ({@code <cluster>-cluster-ca-cert}).
     */
    static Set<String> strimziSecretKeys(Kustomize.Result r, String secret) {
        if (r.find("KafkaUser", secret).isPresent()) {
            return Set.of("password", "sasl.jaas.config");
        }
        if (secret.endsWith("-cluster-ca-cert") && r.find("Kafka", secret.substring(0, secret.length() - "-cluster-ca-cert".length())).isPresent()) {
            return Set.of("ca.crt", "ca.p12", "ca.password");
        }
        return Set.of();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void databaseHostResolvesAndEveryDatabaseIsCreated(String what, Kustomize.Result r, boolean complete) {
        if (!complete || r.find("StatefulSet", "quanyu-postgres").isEmpty()) {
            return; // the base, or an overlay with an external database
        }
        Set<String> databases = new TreeSet<>();
        for (Repo.Service s : Repo.services()) {
            String url = envValue(r, container(workload(r, s.name()), s.name()), "QUANYU_DB_URL");
            String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
            String host = hostPort.split(":")[0];
            int port = Integer.parseInt(hostPort.split(":")[1]);
            assertThat(mapsAt(r.get("Service", host), "spec", "ports")).as("%s: Service %s serves %s", what, host, port)
                    .anySatisfy(p -> assertThat(p.get("port")).isEqualTo(port));
            databases.add(url.substring(url.lastIndexOf('/') + 1));
        }
        String sql = String.valueOf(mapAt(r.get("ConfigMap", "quanyu-postgres-init"), "data").get("create-databases.sql"));
        String docker = Repo.read(Repo.deploy("docker/create-databases.sql"));
        assertThat(sql.strip()).as("%s: the init SQL equals deploy/docker/create-databases.sql", what).isEqualTo(docker.strip());
        databases.forEach(db -> assertThat(sql).as("%s: database %s created", what, db).contains("CREATE DATABASE " + db + ";"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void shippedSecretsAreMarkedPlaceholders(String what, Kustomize.Result r, boolean complete) {
        for (Map<String, Object> secret : r.ofKind("Secret")) {
            assertThat(mapAt(secret, "data")).as("%s: %s keeps values readable in stringData", what, Yamls.id(secret)).isEmpty();
            mapAt(secret, "stringData").forEach((k, v) -> {
                if (!k.equals("username")) {
                    assertThat(String.valueOf(v)).as("%s: %s.%s is a CHANGE-ME placeholder", what, Yamls.id(secret), k).contains("CHANGE-ME");
                }
            });
        }
        if (complete) {
            String keys = String.valueOf(mapAt(r.get("Secret", "quanyu-credentials"), "stringData").get("api-keys"));
            for (String channel : List.of("web", "app", "miniprogram", "store", "ads", "catalog")) {
                assertThat(keys).as("%s: api-keys has a key for %s", what, channel).containsPattern("(^|,)" + channel + "=[^,]+");
            }
        }
    }

    @Test
    void overlayPatchesChangeWhatTheyShould() {
        for (Path overlay : Manifests.overlays()) {
            Kustomize.Result r = Kustomize.build(overlay);
            for (Repo.Service s : Repo.services()) {
                Map<String, Object> before = container(workload(Manifests.base(), s.name()), s.name());
                Map<String, Object> after = container(workload(r, s.name()), s.name());
                // Patches change resources and add settings (Kafka authentication), not what the base decided about
                // probes, ports and the variables it sets.
                assertThat(after.get("readinessProbe")).isEqualTo(before.get("readinessProbe"));
                assertThat(after.get("ports")).isEqualTo(before.get("ports"));
                assertThat(maps(after.get("env"), "env")).as("%s: env of %s keeps the base's", overlay, s.name())
                        .containsAll(maps(before.get("env"), "env"));
            }
        }
    }
}
