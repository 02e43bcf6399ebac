package io.quanyu.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The kustomize directories of deploy/k8s, rendered once per test JVM. */
final class Manifests {

    static final Path K8S = Repo.deploy("k8s");
    static final Path BASE = K8S.resolve("base");
    static final Path MONITORING = K8S.resolve("monitoring");
    static final Path OVERLAYS = K8S.resolve("overlays");
    static final Path COMPONENTS = K8S.resolve("components");

    private static Kustomize.Result base;

    private Manifests() {
    }

    static synchronized Kustomize.Result base() {
        if (base == null) {
            base = Kustomize.build(BASE);
        }
        return base;
    }

    /** Every overlay directory (each is deployable on its own). */
    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(OVERLAYS)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every directory under deploy/k8s with a kustomization that builds on its own (components do not). */
    static List<Path> kustomizations() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.getFileName().toString().startsWith("kustomization.y")).map(Path::getParent)
                    .filter(d -> !Kustomize.isComponent(d)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
