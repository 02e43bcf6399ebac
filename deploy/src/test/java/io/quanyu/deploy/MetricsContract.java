package io.quanyu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * deploy/prometheus/metrics-contract.txt (metric names by who exposes them), and the metric names that the
 * alert rules and the Grafana dashboard actually use. The services' MetricsContractTests read the same file.
 */
final class MetricsContract {

    static final Path FILE = Repo.deploy("prometheus/metrics-contract.txt");
    static final Path ALERTS = Repo.deploy("prometheus/alerts.yml");
    static final Path DASHBOARD = Repo.deploy("grafana/quanyu.json");
    /** Sections that are not services of the suite. */
    static final Set<String> NOT_SERVICES = Set.of("every-service", "prometheus", "kafka-exporter");

    private MetricsContract() {
    }

    /** Section name to metric names, in file order. */
    static Map<String, Set<String>> sections() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        String current = null;
        int n = 0;
        for (String raw : Repo.read(FILE).split("\n")) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
                if (out.put(current, new LinkedHashSet<>()) != null) {
                    throw new AssertionError(FILE + ":" + n + ": section [" + current + "] appears twice");
                }
            } else if (current == null) {
                throw new AssertionError(FILE + ":" + n + ": a name before any [section]");
            } else if (!line.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
                throw new AssertionError(FILE + ":" + n + ": not a metric name: " + line);
            } else {
                out.get(current).add(line);
            }
        }
        return out;
    }

    static Set<String> allNames() {
        Set<String> all = new TreeSet<>();
        sections().values().forEach(all::addAll);
        return all;
    }

    /** Every alert rule of alerts.yml: name to expression. */
    static Map<String, String> alertExpressions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> group : Yamls.mapsAt(Yamls.load(ALERTS), "groups")) {
            for (Map<String, Object> rule : Yamls.mapsAt(group, "rules")) {
                String name = String.valueOf(rule.getOrDefault("alert", rule.get("record")));
                if (out.put(name, String.valueOf(rule.get("expr"))) != null) {
                    throw new AssertionError(ALERTS + ": rule " + name + " appears twice");
                }
            }
        }
        return out;
    }

    static JsonNode dashboard() {
        try {
            return new ObjectMapper().readTree(DASHBOARD.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every {@code expr} anywhere in the dashboard (panels, rows' panels, targets), labelled by panel title. */
    static Map<String, String> dashboardExpressions() {
        Map<String, String> out = new TreeMap<>();
        collect(dashboard(), "dashboard", out);
        return out;
    }

    private static void collect(JsonNode node, String where, Map<String, String> out) {
        if (node.isObject()) {
            String here = node.has("title") ? node.get("title").asText() : where;
            node.properties().forEach(e -> {
                if (e.getKey().equals("expr") && e.getValue().isTextual()) {
                    out.put(here + " #" + out.size(), e.getValue().asText());
                } else {
                    collect(e.getValue(), here, out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, where, out));
        }
    }

    /** Metric name to where it is used (alert names and dashboard panels). */
    static Map<String, List<String>> usedNames() {
        Map<String, List<String>> used = new TreeMap<>();
        alertExpressions().forEach((alert, expr) -> PromQl.metricNames(expr)
                .forEach(n -> used.computeIfAbsent(n, k -> new ArrayList<>()).add("alert " + alert)));
        dashboardExpressions().forEach((panel, expr) -> PromQl.metricNames(expr)
                .forEach(n -> used.computeIfAbsent(n, k -> new ArrayList<>()).add("panel " + panel)));
        return used;
    }
}
