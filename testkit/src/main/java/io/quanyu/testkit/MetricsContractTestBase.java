package io.quanyu.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A service, started on the real broker and database, exposes every metric that deploy/prometheus/metrics-contract.txt
 * lists for it and for every service: the names the alert rules and the Grafana dashboard use (deploy's
 * MonitoringContractTest checks they use nothing else), and answers the health endpoints the Kubernetes probes call.
 * A service's {@code MetricsContractTest} extends this with {@code @QuarkusTest @WithTestResource(QuanyuInfraResource.class)}
 * and declares {@code SERVICE = "<its contract section>"}, which deploy's test looks for.
 */
public abstract class MetricsContractTestBase {

    private static final Path CONTRACT = Path.of("../deploy/prometheus/metrics-contract.txt");

    private final String service;

    protected MetricsContractTestBase(String service) {
        this.service = service;
    }

    @Test
    void exposesEveryMetricTheContractListsForIt() throws IOException {
        // HTTP server series exist once a /v1 request has been served, as on any live service: serve one (a 404).
        given().get("/v1/metrics-contract-warm-up");
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exposed = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> exposed.add(l.split("[{ ]", 2)[0]));
        List<String> expected = section(service);
        assertFalse(expected.isEmpty(), () -> "[" + service + "] in " + CONTRACT + " is empty");
        expected.addAll(section("every-service"));
        List<String> missing = expected.stream().filter(n -> !exposed.contains(n)).toList();
        assertEquals(List.of(), missing, () -> "metrics of the contract that " + service + " does not expose at /q/metrics");
    }

    @Test
    void answersTheKubernetesProbes() {
        for (String path : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
            given().get(path).then().statusCode(200);
        }
    }

    /** The names under [name] in the contract file. */
    static List<String> section(String name) throws IOException {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String raw : Files.readAllLines(CONTRACT)) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                in = line.equals("[" + name + "]");
            } else if (in && !line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }
}
