package io.quanyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every YAML and JSON file of deploy/ (and docker-compose.yml) parses; every Kubernetes document is an object. */
class YamlFilesTest {

    static List<Path> files(String... extensions) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Repo.path("deploy"))) {
            walk.filter(Files::isRegularFile)
                    .filter(f -> !Repo.path("deploy").relativize(f).startsWith("target"))
                    .filter(f -> Stream.of(extensions).anyMatch(e -> f.getFileName().toString().endsWith(e)))
                    .sorted().forEach(out::add);
        }
        return out;
    }

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> yamls = files(".yaml", ".yml");
        yamls.add(Repo.path("docker-compose.yml"));
        assertThat(yamls).hasSizeGreaterThan(20);
        for (Path f : yamls) {
            assertThat(Yamls.loadAll(f)).as("%s has at least one document", f).isNotEmpty();
        }
    }

    @Test
    void everyKubernetesDocumentNamesItsApiKindAndName() throws IOException {
        for (Path f : files(".yaml", ".yml")) {
            if (!f.startsWith(Manifests.K8S) || f.getFileName().toString().startsWith("kustomization.")) {
                continue;
            }
            for (Map<String, Object> doc : Yamls.loadAll(f)) {
                assertThat(doc.get("apiVersion")).as("%s: apiVersion", f).isNotNull();
                assertThat(doc.get("kind")).as("%s: kind", f).isNotNull();
                assertThat(Yamls.str(doc, "metadata", "name")).as("%s: metadata.name", f).isNotBlank()
                        .matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
            }
        }
    }

    @Test
    void everyJsonFileParses() throws IOException {
        List<Path> jsons = files(".json");
        assertThat(jsons).contains(MetricsContract.DASHBOARD);
        for (Path f : jsons) {
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(f.toFile())).as("%s", f).isNotNull();
        }
    }
}
