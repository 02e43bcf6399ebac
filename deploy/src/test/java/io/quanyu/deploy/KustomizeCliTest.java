package io.quanyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Where the real kustomize is installed (a kustomize binary, or kubectl's built-in one), every kustomization
 * renders with it too, to the same objects as the project's own renderer. Skipped where neither is on the PATH:
 * KustomizationTest and WorkloadsTest validate the manifests without it.
 */
class KustomizeCliTest {

    static Optional<List<String>> command() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dir.isBlank()) {
                continue;
            }
            if (Files.isExecutable(Path.of(dir, "kustomize"))) {
                return Optional.of(List.of(Path.of(dir, "kustomize").toString(), "build"));
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Optional.of(List.of(Path.of(dir, "kubectl").toString(), "kustomize"));
            }
        }
        return Optional.empty();
    }

    static List<Map<String, Object>> render(List<String> command, Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(dir.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("%s failed: %s", String.join(" ", cmd), err).isZero();
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(new String(out, StandardCharsets.UTF_8))) {
            if (doc != null) {
                docs.add(Yamls.map(doc, "kustomize output"));
            }
        }
        return docs;
    }

    @Test
    void theRealKustomizeRendersTheSameObjects() throws Exception {
        Optional<List<String>> kustomize = command();
        assumeTrue(kustomize.isPresent(), "neither kustomize nor kubectl is on the PATH; the Java renderer's checks stand alone");
        for (Path dir : Manifests.kustomizations()) {
            Map<String, Map<String, Object>> real = new TreeMap<>();
            render(kustomize.get(), dir).forEach(o -> real.put(Yamls.id(o), o));
            Map<String, Map<String, Object>> ours = new TreeMap<>();
            Kustomize.build(dir).objects().forEach(o -> ours.put(Yamls.id(o), o));
            assertThat(ours.keySet()).as("objects of %s", dir).isEqualTo(real.keySet());
            for (String id : real.keySet()) {
                assertThat(ours.get(id)).as("%s of %s as kustomize renders it", id, dir).isEqualTo(real.get(id));
            }
        }
    }
}
