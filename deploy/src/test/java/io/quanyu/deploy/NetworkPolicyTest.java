package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.mapAt;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.mapsAt;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.deploy.NetworkPolicies.Pod;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The NetworkPolicies of the base and of every overlay, evaluated on the rendered pods and on the pods around them
 * (Prometheus, an ingress controller, a back-office tool, Kafka brokers, DNS, strangers): every pod is isolated; what
 * the code needs gets through (each REST client URL, Kafka, PostgreSQL, DNS, scraping) and nothing else does.
 */
class NetworkPolicyTest {

    private static final Pattern HTTP_URL = Pattern.compile("https?://([a-z0-9-]+):([0-9]+)(/.*)?");
    /** Pods outside the suite, as their usual charts label them (deploy/README.md names the labels to set). */
    static final Pod PROMETHEUS = Pod.of("prometheus", "monitoring", Map.of(), Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    static final Pod INGRESS_CONTROLLER = Pod.of("ingress controller", "ingress-nginx", Map.of("quanyu.io/frontend", "true"),
            Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
    static final Pod BACKOFFICE = Pod.of("back-office tool", "backoffice", Map.of("quanyu.io/backoffice", "true"), Map.of("app", "bi"), Map.of());
    static final Pod DNS = Pod.of("kube-dns", "kube-system", Map.of(), Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
    static final Pod ELSEWHERE = Pod.of("a pod of another namespace", "default", Map.of(), Map.of("app", "debug"), Map.of("https", 443));
    static final Set<String> FRONTENDS = Set.of("ingestion-service", "chatbot-service", "recommender-service", "engagement-service");
    /** The marketers' console: no Kafka, no database, an HTTP client of every service (engagement-service too). */
    static final String CONSOLE = "console";

    /** One rendering with the pods around it. */
    record Suite(String what, Kustomize.Result r, boolean complete, String namespace, NetworkPolicies policies, List<Pod> pods) {

        static Suite of(String what, Kustomize.Result r, boolean complete) {
            String ns = r.ofKind("Namespace").stream().map(o -> str(o, "metadata", "name")).findFirst().orElse("quanyu");
            Map<String, String> nsLabels = r.find("Namespace", ns).map(o -> NetworkPolicies.strings(at(o, "metadata", "labels"))).orElse(Map.of());
            List<Pod> pods = r.ofKind("Deployment", "StatefulSet").stream().map(w -> Pod.ofWorkload(w, ns, nsLabels)).toList();
            return new Suite(what, r, complete, ns, new NetworkPolicies(r.objects(), ns), pods);
        }

        Pod pod(String name) {
            return pods.stream().filter(p -> name.equals(p.labels().get("app.kubernetes.io/name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(what + ": no pod " + name));
        }

        List<Pod> services() {
            return Repo.services().stream().map(s -> pod(s.name())).toList();
        }

        boolean isService(Pod p) {
            return p.namespace().equals(namespace) && Repo.services().stream().anyMatch(s -> s.name().equals(p.labels().get("app.kubernetes.io/name")));
        }

        Pod stranger() {
            return Pod.of("an unlabelled pod of " + namespace, namespace, Map.of(), Map.of("app", "debug"), Map.of());
        }

        /** A broker of the cluster KAFKA_BOOTSTRAP_SERVERS names, labelled as Strimzi labels node-pool brokers. */
        Pod broker() {
            String bootstrap = String.valueOf(mapAt(r.get("ConfigMap", "quanyu-common"), "data").get("KAFKA_BOOTSTRAP_SERVERS"));
            String cluster = bootstrap.substring(0, bootstrap.indexOf("-kafka-bootstrap"));
            Map<String, Integer> ports = new LinkedHashMap<>();
            r.find("Kafka", cluster).ifPresentOrElse(
                    k -> mapsAt(k, "spec", "kafka", "listeners").forEach(l -> ports.put(l.get("name").toString(), ((Number) l.get("port")).intValue())),
                    () -> ports.put("bootstrap", bootstrapPort()));
            return Pod.of("broker of " + cluster, namespace, Map.of(), Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka", "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true"), ports);
        }

        int bootstrapPort() {
            String bootstrap = String.valueOf(mapAt(r.get("ConfigMap", "quanyu-common"), "data").get("KAFKA_BOOTSTRAP_SERVERS"));
            return Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        }
    }

    static Stream<Arguments> suites() {
        List<Arguments> out = new ArrayList<>();
        out.add(Arguments.of(Suite.of("base", Manifests.base(), false)));
        for (Path overlay : Manifests.overlays()) {
            out.add(Arguments.of(Suite.of("overlays/" + overlay.getFileName(), Kustomize.build(overlay), true)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyWorkloadPodIsIsolatedForIngressAndEgress(Suite s) {
        assertThat(s.pods()).isNotEmpty();
        for (Pod p : s.pods()) {
            assertThat(s.policies().selecting(p, "Ingress")).as("%s: NetworkPolicies isolating %s for ingress", s.what(), p.what()).isNotEmpty();
            assertThat(s.policies().selecting(p, "Egress")).as("%s: NetworkPolicies isolating %s for egress", s.what(), p.what()).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyAllowedPortExistsOnItsTarget(Suite s) {
        for (Map<String, Object> policy : s.policies().all()) {
            String who = s.what() + ": " + Yamls.id(policy);
            List<Pod> selected = s.pods().stream()
                    .filter(p -> NetworkPolicies.selects(mapAt(policy, "spec", "podSelector"), p.labels())).toList();
            assertThat(selected).as("%s selects a pod of the rendering", who).isNotEmpty();
            for (Map<String, Object> rule : maps(at(policy, "spec", "ingress"), "ingress")) {
                assertThat(NetworkPolicies.declaredPorts(rule)).as("%s: an ingress rule names its ports", who).isNotEmpty();
                for (Object port : NetworkPolicies.declaredPorts(rule)) {
                    selected.forEach(p -> assertThat(p.port(port)).as("%s: ingress port %s is a container port of %s", who, port, p.what())
                            .isNotNull().isIn(p.ports()));
                }
            }
            for (Map<String, Object> rule : maps(at(policy, "spec", "egress"), "egress")) {
                assertThat(NetworkPolicies.declaredPorts(rule)).as("%s: an egress rule names its ports", who).isNotEmpty();
                for (Map<String, Object> peer : maps(rule.get("to"), "to")) {
                    List<Pod> targets = Stream.concat(s.pods().stream(), Stream.of(DNS, s.broker()))
                            .filter(p -> NetworkPolicies.peerMatches(peer, s.policies().namespaceOf(policy), p)).toList();
                    if (targets.isEmpty()) {
                        // Only the base may name pods it does not have (the database an overlay adds).
                        assertThat(s.complete()).as("%s: egress peer %s names no pod of the rendering", who, peer).isFalse();
                        continue;
                    }
                    for (Object port : NetworkPolicies.declaredPorts(rule)) {
                        assertThat(port).as("%s: egress ports are numbers (named ones resolve on the far pod, unevenly across CNIs)", who)
                                .isInstanceOf(Number.class);
                        targets.forEach(t -> assertThat(t.ports()).as("%s: egress port %s is a port of %s", who, port, t.what())
                                .contains(((Number) port).intValue()));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void everyRestClientUrlIsAllowedAndNoOtherServiceCall(Suite s) {
        Map<Pod, List<Pod>> calls = new LinkedHashMap<>();
        // The services and the console, a client of all six.
        for (String caller : Stream.concat(Repo.services().stream().map(Repo.Service::name), Stream.of(CONSOLE)).toList()) {
            Map<String, Object> c = WorkloadsTest.container(WorkloadsTest.workload(s.r(), caller), caller);
            for (String env : WorkloadsTest.environment(s.r(), c).keySet()) {
                String value = WorkloadsTest.envValue(s.r(), c, env);
                Matcher m = value == null ? null : HTTP_URL.matcher(value);
                if (m == null || !m.matches()) {
                    continue;
                }
                Map<String, Object> service = s.r().get("Service", m.group(1));
                Map<String, Object> port = mapsAt(service, "spec", "ports").stream()
                        .filter(p -> Integer.parseInt(m.group(2)) == ((Number) p.get("port")).intValue()).findFirst()
                        .orElseThrow(() -> new AssertionError(s.what() + ": " + env + " of " + caller + " names no port of " + m.group(1)));
                for (Pod target : s.pods()) {
                    if (NetworkPolicies.selects(Map.of("matchLabels", mapAt(service, "spec", "selector")), target.labels())) {
                        Integer containerPort = target.port(port.getOrDefault("targetPort", port.get("port")));
                        assertThat(s.policies().allows(s.pod(caller), target, containerPort, "TCP"))
                                .as("%s: %s (%s=%s) may reach %s on %s", s.what(), caller, env, value, target.what(), containerPort).isTrue();
                        calls.computeIfAbsent(s.pod(caller), k -> new ArrayList<>()).add(target);
                    }
                }
            }
        }
        assertThat(calls).as("%s: the chatbot's call to the recommender is among the REST clients found", s.what())
                .containsKey(s.pod("chatbot-service"));
        assertThat(calls.get(s.pod(CONSOLE))).as("%s: the console's calls to the services' APIs are among the REST clients found", s.what())
                .contains(s.pod("profile-service"), s.pod("chatbot-service"), s.pod("forecast-service"));
        // "Only where needed": a suite pod reaches another's HTTP port only through a URL it is configured with.
        for (Pod from : s.pods()) {
            for (Pod to : s.services()) {
                if (from != to) {
                    boolean configured = calls.getOrDefault(from, List.of()).contains(to);
                    assertThat(s.policies().allows(from, to, to.port("http"), "TCP"))
                            .as("%s: %s may call %s's HTTP port", s.what(), from.what(), to.what()).isEqualTo(configured);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void theConsoleIsConfiguredForEveryServiceAndReachesEach(Suite s) {
        // The console's pages call every service (the overview checks each one's health), engagement-service included.
        Map<String, Object> c = WorkloadsTest.container(WorkloadsTest.workload(s.r(), CONSOLE), CONSOLE);
        Map<String, String> hosts = new LinkedHashMap<>();
        for (String env : WorkloadsTest.environment(s.r(), c).keySet()) {
            String value = WorkloadsTest.envValue(s.r(), c, env);
            Matcher m = value == null ? null : HTTP_URL.matcher(value);
            if (m != null && m.matches()) {
                hosts.put(m.group(1), env);
            }
        }
        Pod console = s.pod(CONSOLE);
        for (Pod svc : s.services()) {
            String name = svc.labels().get("app.kubernetes.io/name");
            assertThat(hosts).as("%s: the console has a QUANYU_*_URL naming %s", s.what(), name).containsKey(name);
            assertThat(s.policies().allows(console, svc, svc.port("http"), "TCP")).as("%s: the console reaches %s (%s)", s.what(), name, hosts.get(name))
                    .isTrue();
        }
        assertThat(hosts.get("engagement-service")).as("%s: the console's engagement URL", s.what()).isEqualTo("QUANYU_ENGAGEMENT_URL");
        assertThat(s.policies().allows(console, s.pod("engagement-service"), 8087, "TCP")).as("%s: console → engagement-service:8087", s.what()).isTrue();
        assertThat(s.policies().allows(console, s.broker(), s.bootstrapPort(), "TCP")).as("%s: the console has no Kafka", s.what()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void servicesReachKafkaTheirDatabaseAndDns(Suite s) {
        Pod broker = s.broker();
        for (Pod svc : s.services()) {
            assertThat(s.policies().allows(svc, broker, s.bootstrapPort(), "TCP")).as("%s: %s reaches the brokers on %s", s.what(), svc.what(), s.bootstrapPort()).isTrue();
            assertThat(s.policies().allows(svc, DNS, 53, "UDP")).as("%s: %s resolves names (UDP)", s.what(), svc.what()).isTrue();
            assertThat(s.policies().allows(svc, DNS, 53, "TCP")).as("%s: %s resolves names (TCP)", s.what(), svc.what()).isTrue();
            assertThat(s.policies().allows(svc, ELSEWHERE, 443, "TCP")).as("%s: %s has no way out to other pods", s.what(), svc.what()).isFalse();
            String name = svc.labels().get("app.kubernetes.io/name");
            String url = WorkloadsTest.envValue(s.r(), WorkloadsTest.container(WorkloadsTest.workload(s.r(), name), name), "QUANYU_DB_URL");
            Matcher m = Pattern.compile("jdbc:postgresql://([a-z0-9.-]+):([0-9]+)/.*").matcher(url);
            assertThat(m.matches()).as("%s: QUANYU_DB_URL of %s", s.what(), name).isTrue();
            List<Pod> databases = s.r().find("Service", m.group(1))
                    .map(dbService -> s.pods().stream().filter(p -> NetworkPolicies.selects(Map.of("matchLabels", mapAt(dbService, "spec", "selector")), p.labels())).toList())
                    // The base has no database: the trial's PostgreSQL pod, as that overlay labels it.
                    .orElse(List.of(Pod.of("quanyu-postgres", s.namespace(), Map.of(), Map.of("app.kubernetes.io/name", "quanyu-postgres",
                            "app.kubernetes.io/part-of", "quanyu"), Map.of("postgres", 5432))));
            assertThat(databases).as("%s: the database pods of %s", s.what(), name).isNotEmpty();
            for (Pod db : databases) {
                // The base has the services' side only: the database's own policy comes with the database.
                boolean allowed = s.pods().contains(db) ? s.policies().allows(svc, db, Integer.parseInt(m.group(2)), "TCP")
                        : s.policies().egressAllows(svc, db, Integer.parseInt(m.group(2)), "TCP");
                assertThat(allowed).as("%s: %s reaches %s", s.what(), name, url).isTrue();
            }
        }
        if (s.complete()) {
            // The brokers' own policy (Strimzi writes it from the listener's networkPolicyPeers) admits every service.
            Map<String, Object> listener = WorkloadsTest.bootstrapListener(s.r());
            List<Map<String, Object>> peers = maps(listener.get("networkPolicyPeers"), "networkPolicyPeers");
            assertThat(peers).as("%s: the listener %s admits named peers only", s.what(), listener.get("name")).isNotEmpty();
            for (Pod svc : s.services()) {
                assertThat(peers).as("%s: listener %s admits %s", s.what(), listener.get("name"), svc.what())
                        .anyMatch(p -> NetworkPolicies.peerMatches(p, s.namespace(), svc));
            }
            assertThat(peers).as("%s: listener %s refuses a stranger", s.what(), listener.get("name"))
                    .noneMatch(p -> NetworkPolicies.peerMatches(p, s.namespace(), s.stranger()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void prometheusScrapesTheMetricsPort(Suite s) {
        List<Map<String, Object>> monitors = new ArrayList<>(s.r().ofKind("PodMonitor"));
        if (monitors.isEmpty()) {
            monitors.addAll(Kustomize.build(Manifests.MONITORING).ofKind("PodMonitor")); // the base goes with the monitoring directory
        }
        int scraped = 0;
        for (Map<String, Object> monitor : monitors) {
            for (Pod p : s.pods()) {
                if (!NetworkPolicies.selects(mapAt(monitor, "spec", "selector"), p.labels()) || s.policies().selecting(p, "Ingress").isEmpty()) {
                    continue; // not this monitor's, or not a pod these policies isolate (Strimzi's Kafka Exporter)
                }
                for (Map<String, Object> endpoint : mapsAt(monitor, "spec", "podMetricsEndpoints")) {
                    Integer port = p.port(endpoint.get("port"));
                    assertThat(port).as("%s: %s port %s is a port of %s", s.what(), Yamls.id(monitor), endpoint.get("port"), p.what()).isNotNull();
                    assertThat(s.policies().allows(PROMETHEUS, p, port, "TCP")).as("%s: Prometheus scrapes %s on %s", s.what(), p.what(), port).isTrue();
                    scraped++;
                }
            }
        }
        assertThat(scraped).as("%s: scraped service pods", s.what()).isGreaterThanOrEqualTo(Repo.services().size());
        for (Map<String, Object> w : s.r().ofKind("Deployment", "StatefulSet")) {
            String annotated = str(w, "spec", "template", "metadata", "annotations", "prometheus.io/port");
            if (annotated != null) {
                Pod p = s.pods().stream().filter(x -> x.what().equals(Yamls.id(w))).findFirst().orElseThrow();
                assertThat(s.policies().allows(PROMETHEUS, p, Integer.parseInt(annotated), "TCP"))
                        .as("%s: Prometheus scrapes %s on its annotated port %s", s.what(), p.what(), annotated).isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("suites")
    void callersFromOutsideGetOnlyWhatTheirLabelOpens(Suite s) {
        for (Pod p : s.pods()) {
            for (int port : p.ports()) {
                for (Pod outsider : List.of(s.stranger(), ELSEWHERE, PROMETHEUS)) {
                    boolean scrape = outsider == PROMETHEUS && (s.isService(p) || p == s.pod(CONSOLE)) && Objects.equals(p.port("http"), port);
                    assertThat(s.policies().ingressAllows(outsider, p, port, "TCP")).as("%s: %s reaches %s on %s", s.what(), outsider.what(), p.what(), port)
                            .isEqualTo(scrape);
                }
            }
        }
        for (Pod svc : s.services()) {
            String name = svc.labels().get("app.kubernetes.io/name");
            int http = svc.port("http");
            assertThat(s.policies().ingressAllows(INGRESS_CONTROLLER, svc, http, "TCP")).as("%s: the ingress controller reaches %s", s.what(), name)
                    .isEqualTo(FRONTENDS.contains(name));
            assertThat(s.policies().ingressAllows(BACKOFFICE, svc, http, "TCP")).as("%s: back-office tools reach %s", s.what(), name).isTrue();
        }
        Pod console = s.pod(CONSOLE);
        assertThat(s.policies().ingressAllows(BACKOFFICE, console, console.port("http"), "TCP")).as("%s: the back office reaches the console", s.what()).isTrue();
        assertThat(s.policies().ingressAllows(INGRESS_CONTROLLER, console, console.port("http"), "TCP")).as("%s: the console is not public", s.what()).isFalse();
        // PostgreSQL, where the overlay runs it: from the services only.
        s.pods().stream().filter(p -> "quanyu-postgres".equals(p.labels().get("app.kubernetes.io/name"))).forEach(db -> {
            int port = db.port("postgres");
            for (Pod from : Stream.concat(s.pods().stream(), Stream.of(s.stranger(), ELSEWHERE, INGRESS_CONTROLLER, BACKOFFICE, PROMETHEUS)).toList()) {
                if (from != db) {
                    assertThat(s.policies().allows(from, db, port, "TCP")).as("%s: %s reaches PostgreSQL", s.what(), from.what()).isEqualTo(s.isService(from));
                }
            }
        });
    }
}
