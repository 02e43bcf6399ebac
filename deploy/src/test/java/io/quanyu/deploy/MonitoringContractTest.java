package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.mapAt;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.mapsAt;
import static io.quanyu.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alerts and the dashboard use only metrics of the contract, and the contract lists only what they use;
 * the rules are well formed and cover what operations need; Prometheus (compose) and the PodMonitor
 * (Kubernetes) scrape every service and label it. That each service really exposes its part of the contract
 * is checked by the MetricsContractTest of that service, against the running service.
 */
class MonitoringContractTest {

    /** What operations asked alerts for: consumer lag, failed events, ingestion 503s, recommendation latency, forecast alerts, service down. */
    static final List<String> REQUIRED_ALERTS = List.of("QuanyuServiceDown", "QuanyuServiceMissing", "QuanyuIngestionConsumerLag",
            "QuanyuConsumerGroupLag", "QuanyuFailedEventRate", "QuanyuIngestionShedding", "QuanyuRecommendationLatencyHigh",
            "QuanyuForecastStockoutRisk", "QuanyuForecastInventoryAlerts");

    @Test
    void promQlNamesAreFound() {
        assertThat(PromQl.metricNames("sum by (service, le) (rate(http_server_requests_seconds_count{uri=\"/v1\", status=~\"5..\"}[5m])) > 0.5"))
                .containsExactly("http_server_requests_seconds_count");
        assertThat(PromQl.metricNames("absent(up{service=\"a\"}) or max(x_total offset 5m) / on (instance) group_left y unless z > bool 1e3"))
                .containsExactlyInAnyOrder("up", "x_total", "y", "z");
        assertThat(PromQl.metricNames("sum(rate(a_total[$__rate_interval])) / sum(increase(b_seconds_count[1h]))"))
                .containsExactlyInAnyOrder("a_total", "b_seconds_count");
        assertThat(PromQl.equalityValues("up{service=\"x\", service!=\"y\", job=~\"z\"}", "service")).containsExactly("x");
    }

    @Test
    void everyMetricUsedIsInTheContractAndEveryContractMetricIsUsed() {
        Map<String, List<String>> used = MetricsContract.usedNames();
        Set<String> contract = MetricsContract.allNames();
        Set<String> missing = new TreeSet<>(used.keySet());
        missing.removeAll(contract);
        assertThat(missing).as("metrics used by alerts or dashboard but not in metrics-contract.txt (where: %s)",
                missing.stream().map(m -> m + " <- " + used.get(m)).toList()).isEmpty();
        Set<String> unused = new TreeSet<>(contract);
        unused.removeAll(used.keySet());
        assertThat(unused).as("metrics-contract.txt lists metrics that neither alerts nor dashboard use").isEmpty();
    }

    @Test
    void contractSectionsAreServicesOfTheRepository() {
        Set<String> services = new TreeSet<>();
        Repo.services().forEach(s -> services.add(s.name()));
        for (String section : MetricsContract.sections().keySet()) {
            assertThat(MetricsContract.NOT_SERVICES.contains(section) || services.contains(section))
                    .as("[%s] is a service directory or one of %s", section, MetricsContract.NOT_SERVICES).isTrue();
        }
        assertThat(MetricsContract.sections()).containsKeys("every-service", "ingestion-service", "profile-service",
                "recommender-service", "chatbot-service", "forecast-service", "ad-optimizer-service");
        // A name belongs to one section: who exposes it is unambiguous.
        Set<String> seen = new HashSet<>();
        MetricsContract.sections().forEach((section, names) -> names.forEach(n -> assertThat(seen.add(n)).as("%s listed twice", n).isTrue()));
        // Every service section has a test that scrapes the running service (in the service's own package, which
        // need not follow its directory name: ad-optimizer-service is io.quanyu.ads) and checks that section.
        for (String section : MetricsContract.sections().keySet()) {
            if (!MetricsContract.NOT_SERVICES.contains(section)) {
                assertThat(metricsContractTests(section)).as("[%s] is checked against the running service: a MetricsContractTest "
                        + "under %s/src/test/java/io/quanyu/ with SERVICE = \"%s\"", section, section, section).isNotEmpty();
            }
        }
        assertThat(Repo.path("ingestion-service/src/test/java/io/quanyu/ingestion/MetricsContractTest.java")).exists();
    }

    /** The MetricsContractTest.java files of a service's tests that check its section of the contract. */
    static List<Path> metricsContractTests(String service) {
        Path root = Repo.path(service + "/src/test/java/io/quanyu");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().equals("MetricsContractTest.java"))
                    .filter(f -> Repo.read(f).contains("SERVICE = \"" + service + "\";")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void alertRulesAreWellFormedAndCoverOperations() {
        Map<String, Object> file = Yamls.load(MetricsContract.ALERTS);
        Set<String> names = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        Repo.services().forEach(s -> services.add(s.name()));
        for (Map<String, Object> group : mapsAt(file, "groups")) {
            assertThat(str(group, "name")).startsWith("quanyu.");
            for (Map<String, Object> rule : mapsAt(group, "rules")) {
                String name = str(rule, "alert");
                assertThat(name).as("rule in %s", group.get("name")).matches("Quanyu[A-Z][A-Za-z0-9]+");
                assertThat(names.add(name)).as("%s once", name).isTrue();
                String expr = str(rule, "expr");
                assertThat(PromQl.balanced(expr)).as("%s: brackets balance in %s", name, expr).isTrue();
                assertThat(PromQl.metricNames(expr)).as("%s selects a metric", name).isNotEmpty();
                assertThat(str(rule, "for")).as("%s: for", name).matches("[0-9]+[smh]");
                assertThat(str(rule, "labels", "severity")).as("%s: severity", name).isIn("critical", "warning", "info");
                assertThat(str(rule, "annotations", "summary")).as("%s: summary", name).isNotBlank();
                assertThat(str(rule, "annotations", "description")).as("%s: description", name).isNotBlank();
                assertThat(PromQl.equalityValues(expr, "service")).as("%s: service label values are services", name)
                        .allMatch(services::contains);
            }
        }
        assertThat(names).containsAll(REQUIRED_ALERTS);
        String readme = Repo.read(Repo.deploy("README.md"));
        assertThat(names).as("alerts explained in deploy/README.md").allMatch(readme::contains);
    }

    @Test
    void thePrometheusRuleCarriesTheSameGroupsAsAlertsYml() {
        Map<String, Object> rule = Yamls.load(Manifests.MONITORING.resolve("prometheusrule.yaml"));
        assertThat(rule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(rule.get("apiVersion")).isEqualTo("monitoring.coreos.com/v1");
        assertThat(at(rule, "spec", "groups")).as("PrometheusRule spec.groups == alerts.yml groups")
                .isEqualTo(Yamls.load(MetricsContract.ALERTS).get("groups"));
        for (var overlay : Manifests.overlays()) {
            Kustomize.Result r = Kustomize.build(overlay);
            if (r.find("PrometheusRule", "quanyu-alerts").isPresent()) {
                assertThat(at(r.get("PrometheusRule", "quanyu-alerts"), "spec", "groups")).isEqualTo(Yamls.load(MetricsContract.ALERTS).get("groups"));
            }
        }
    }

    @Test
    void dashboardIsWellFormed() {
        JsonNode d = MetricsContract.dashboard();
        assertThat(d.path("uid").asText()).isNotBlank();
        assertThat(d.path("title").asText()).isNotBlank();
        List<String> variables = new ArrayList<>();
        d.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).contains("datasource");
        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : d.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel id %s once", panel.path("id")).isTrue();
            assertThat(panel.path("gridPos").path("w").asInt()).isBetween(1, 24);
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertThat(panel.path("datasource").path("uid").asText()).as("data source of %s", panel.path("title")).isEqualTo("${datasource}");
            assertThat(panel.path("targets").size()).as("queries of %s", panel.path("title")).isPositive();
            Set<String> refIds = new HashSet<>();
            for (JsonNode target : panel.path("targets")) {
                assertThat(refIds.add(target.path("refId").asText())).isTrue();
                String expr = target.path("expr").asText();
                assertThat(PromQl.balanced(expr)).as("brackets in %s", expr).isTrue();
                assertThat(PromQl.metricNames(expr)).as("%s selects a metric", expr).isNotEmpty();
                assertThat(PromQl.equalityValues(expr, "service")).allMatch(s -> Repo.path(s).toFile().isDirectory());
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(20);
    }

    @Test
    void composePrometheusScrapesEveryServiceAndLoadsTheRules() {
        Map<String, Object> prom = Yamls.load(Repo.deploy("prometheus/prometheus.yml"));
        assertThat(Yamls.list(prom.get("rule_files"), "rule_files")).contains("/etc/prometheus/alerts.yml");
        Map<String, Object> job = mapsAt(prom, "scrape_configs").stream().filter(j -> "quanyu".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(job.get("metrics_path")).isEqualTo("/q/metrics");
        Map<String, String> targets = new java.util.TreeMap<>();
        for (Map<String, Object> sc : maps(job.get("static_configs"), "static_configs")) {
            for (Object t : Yamls.list(sc.get("targets"), "targets")) {
                targets.put(t.toString(), str(sc, "labels", "service"));
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        Repo.services().forEach(s -> expected.put(s.name() + ":" + s.port(), s.name()));
        assertThat(targets).as("targets and their service labels").isEqualTo(expected);
        assertThat(mapsAt(prom, "scrape_configs")).anySatisfy(j -> assertThat(j.get("job_name")).isEqualTo("kafka-exporter"));
    }

    @Test
    void podMonitorScrapesEveryServicePodAndLabelsItsService() {
        Kustomize.Result monitoring = Kustomize.build(Manifests.MONITORING);
        Map<String, Object> pm = monitoring.get("PodMonitor", "quanyu-services");
        Map<String, Object> matchLabels = mapAt(pm, "spec", "selector", "matchLabels");
        List<Map<String, Object>> expressions = mapsAt(pm, "spec", "selector", "matchExpressions");
        Map<String, Object> endpoint = mapsAt(pm, "spec", "podMetricsEndpoints").getFirst();
        assertThat(endpoint.get("path")).isEqualTo("/q/metrics");
        assertThat(maps(endpoint.get("relabelings"), "relabelings")).anySatisfy(rl -> {
            assertThat(rl.get("targetLabel")).isEqualTo("service");
            assertThat(Yamls.list(rl.get("sourceLabels"), "sourceLabels")).containsExactly("__meta_kubernetes_pod_label_app_kubernetes_io_name");
        });
        for (Repo.Service s : Repo.services()) {
            Map<String, Object> w = WorkloadsTest.workload(Manifests.base(), s.name());
            Map<String, Object> labels = mapAt(w, "spec", "template", "metadata", "labels");
            assertThat(labels.entrySet()).as("PodMonitor selects %s", s.name()).containsAll(matchLabels.entrySet());
            for (Map<String, Object> e : expressions) {
                assertThat(e.get("operator")).isEqualTo("In");
                assertThat(Yamls.list(e.get("values"), "values")).as("PodMonitor selects %s", s.name()).contains(labels.get(str(e, "key")));
            }
            assertThat(labels.get("app.kubernetes.io/name")).isEqualTo(s.name());
            assertThat(maps(WorkloadsTest.container(w, s.name()).get("ports"), "ports"))
                    .anySatisfy(p -> assertThat(p.get("name")).isEqualTo(endpoint.get("port")));
        }
        assertThat(monitoring.find("PodMonitor", "quanyu-kafka-exporter")).isPresent();
    }
}
