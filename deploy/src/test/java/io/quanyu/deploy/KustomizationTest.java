package io.quanyu.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The kustomizations render with the project's own renderer (standard fields only, every listed resource and
 * patch file exists, every patch targets an existing object, no duplicate objects), and nothing under
 * deploy/k8s is left out of them.
 */
class KustomizationTest {

    @Test
    void everyKustomizationRenders() {
        assertThat(Manifests.kustomizations()).contains(Manifests.BASE, Manifests.MONITORING);
        for (Path dir : Manifests.kustomizations()) {
            Kustomize.Result r = Kustomize.build(dir);
            assertThat(r.objects()).as("objects rendered from %s", dir).isNotEmpty();
        }
    }

    @Test
    void thereIsAnOverlayAndItIncludesTheBase() {
        assertThat(Manifests.overlays()).isNotEmpty();
        for (Path overlay : Manifests.overlays()) {
            Kustomize.Result r = Kustomize.build(overlay);
            assertThat(r.filesRead()).as("%s includes the base", overlay).contains(Kustomize.kustomizationFile(Manifests.BASE));
            Set<String> ids = new HashSet<>();
            r.objects().forEach(o -> assertThat(ids.add(Yamls.id(o))).as("%s: %s once", overlay, Yamls.id(o)).isTrue());
            // The overlay puts everything in one namespace, which it also creates.
            String ns = Yamls.str(Yamls.load(Kustomize.kustomizationFile(overlay)), "namespace");
            assertThat(ns).as("%s sets a namespace", overlay).isNotBlank();
            assertThat(r.find("Namespace", ns)).as("%s creates namespace %s", overlay, ns).isPresent();
            r.objects().stream().filter(o -> !"Namespace".equals(o.get("kind")))
                    .forEach(o -> assertThat(Yamls.str(o, "metadata", "namespace")).as("namespace of %s", Yamls.id(o)).isEqualTo(ns));
        }
    }

    @Test
    void everyManifestFileIsPartOfAKustomization() throws IOException {
        Set<Path> read = new HashSet<>();
        Manifests.kustomizations().forEach(d -> read.addAll(Kustomize.build(d).filesRead()));
        List<Path> all;
        try (Stream<Path> walk = Files.walk(Manifests.K8S)) {
            all = walk.filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
        }
        assertThat(all).as("files under deploy/k8s that no kustomization reads").allMatch(read::contains);
    }

    @Test
    void patchesMergeLikeKustomize() {
        Map<String, Object> base = Map.of("spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(
                Map.of("name", "a", "image", "x", "resources", Map.of("limits", Map.of("cpu", "1", "memory", "1Gi"))),
                Map.of("name", "b", "image", "y"))))));
        Map<String, Object> patch = Map.of("spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(
                Map.of("name", "a", "resources", Map.of("limits", Map.of("cpu", "2"))))))));
        Object merged = Kustomize.merge(base, patch, true);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> containers = (List<Map<String, Object>>) Yamls.at(Yamls.map(merged, "m"), "spec", "template", "spec", "containers");
        assertThat(containers).hasSize(2);
        assertThat(Yamls.at(containers.getFirst(), "resources", "limits")).isEqualTo(Map.of("cpu", "2", "memory", "1Gi"));
        assertThat(containers.getFirst().get("image")).isEqualTo("x");
        // Items new to a keyed list come first, as kustomize (kyaml) renders them; KustomizeCliTest compares.
        Object env = Kustomize.merge(Map.of("env", List.of(Map.of("name", "A", "value", "1"))),
                Map.of("env", List.of(Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "3"))), true);
        assertThat(env).isEqualTo(Map.of("env", List.of(Map.of("name", "B", "value", "2"), Map.of("name", "A", "value", "3"))));
        // Custom resources: lists are replaced, maps merged.
        Object crd = Kustomize.merge(Map.of("l", List.of(Map.of("name", "a")), "m", Map.of("k", 1)),
                Map.of("l", List.of(Map.of("name", "b")), "m", Map.of("j", 2)), false);
        assertThat(crd).isEqualTo(Map.of("l", List.of(Map.of("name", "b")), "m", Map.of("k", 1, "j", 2)));
        assertThat(Kustomize.splitImage("reg:5000/quanyu/x:1.0")).containsExactly("reg:5000/quanyu/x", "1.0");
        assertThat(Kustomize.splitImage("reg:5000/quanyu/x")).containsExactly("reg:5000/quanyu/x", null);
    }
}
