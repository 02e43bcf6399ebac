package io.quanyu.ads;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * ad-optimizer-service, started on the real broker and database, exposes every metric that
 * deploy/prometheus/metrics-contract.txt lists for it and for every service: the names the alert rules and the
 * Grafana dashboard use (deploy's MonitoringContractTest checks they use nothing else). It also answers the
 * health endpoints the Kubernetes probes call.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class MetricsContractTest {

    private static final Path CONTRACT = Path.of("../deploy/prometheus/metrics-contract.txt");
    private static final String SERVICE = "ad-optimizer-service";

    @Test
    void exposesEveryMetricTheContractListsForIt() throws IOException {
        // HTTP server series exist once a /v1 request has been served, as on any live service: serve one (a 404).
        given().get("/v1/metrics-contract-warm-up");
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Set<String> exposed = new TreeSet<>();
        scrape.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> exposed.add(l.split("[{ ]", 2)[0]));
        List<String> expected = section(SERVICE);
        assertThat(expected).as("[%s] in %s", SERVICE, CONTRACT).isNotEmpty();
        expected.addAll(section("every-service"));
        List<String> missing = expected.stream().filter(n -> !exposed.contains(n)).toList();
        assertThat(missing).as("metrics of the contract that %s does not expose at /q/metrics", SERVICE).isEmpty();
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
