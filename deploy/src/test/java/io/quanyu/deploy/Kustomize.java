package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.copy;
import static io.quanyu.deploy.Yamls.id;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.str;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small kustomize for the fields this project's kustomizations may use, so the manifests are rendered and
 * every reference resolved without the kustomize binary: {@code resources} (files and directories),
 * {@code patches} (strategic-merge files, with or without a {@code target}), {@code images},
 * {@code namespace} and {@code components} (directories of {@code kind: Component}, applied after the resources, before
 * the including kustomization's own patches, as kustomize does). Anything else in a kustomization is an error, and so is a listed file that does not
 * exist or a patch that matches no object. KustomizeCliTest compares the output with the real kustomize
 * where one is installed.
 */
final class Kustomize {

    static final Set<String> ALLOWED_FIELDS = Set.of("apiVersion", "kind", "resources", "patches", "images", "namespace", "components");
    /** A component takes resources and patches only: the namespace and images are the including overlay's choice. */
    static final Set<String> COMPONENT_FIELDS = Set.of("apiVersion", "kind", "resources", "patches");
    static final String COMPONENT_API = "kustomize.config.k8s.io/v1alpha1";
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    /** API groups whose objects kustomize merges with strategic-merge list semantics (lists of named items merge by key). */
    private static final Set<String> BUILT_IN_API = Set.of("v1", "apps/v1", "autoscaling/v2", "batch/v1", "policy/v1",
            "networking.k8s.io/v1", "rbac.authorization.k8s.io/v1");
    static final Set<String> WORKLOAD_KINDS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");
    private static final List<String> MERGE_KEYS = List.of("name", "containerPort", "mountPath");

    /** The rendered objects, and every file the rendering read (kustomizations, resources and patches). */
    record Result(List<Map<String, Object>> objects, Set<Path> filesRead) {

        Map<String, Object> get(String kind, String name) {
            return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered manifests"));
        }

        java.util.Optional<Map<String, Object>> find(String kind, String name) {
            return objects.stream().filter(o -> kind.equals(o.get("kind")) && name.equals(str(o, "metadata", "name"))).findFirst();
        }

        List<Map<String, Object>> ofKind(String... kinds) {
            Set<String> k = Set.of(kinds);
            return objects.stream().filter(o -> k.contains((String) o.get("kind"))).toList();
        }
    }

    private Kustomize() {
    }

    static Result build(Path dir) {
        Set<Path> read = new LinkedHashSet<>();
        List<Map<String, Object>> objects = build(dir.toAbsolutePath().normalize(), read, new LinkedHashSet<>());
        return new Result(objects, read);
    }

    static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new AssertionError(dir + " has no kustomization.yaml");
    }

    /** Whether a kustomization directory is a Component (only usable from another kustomization's components). */
    static boolean isComponent(Path dir) {
        return "Component".equals(Yamls.load(kustomizationFile(dir)).get("kind"));
    }

    private static List<Map<String, Object>> build(Path dir, Set<Path> read, Set<Path> stack) {
        Map<String, Object> k = enter(dir, read, stack, "Kustomization", "kustomize.config.k8s.io/v1beta1", ALLOWED_FIELDS);
        Path kfile = kustomizationFile(dir);
        List<Map<String, Object>> objects = new ArrayList<>();
        addResources(dir, kfile, k, objects, read, stack);
        for (Object c : Yamls.list(k.get("components"), kfile + " components")) {
            Path cdir = dir.resolve(c.toString()).normalize();
            if (!Files.isDirectory(cdir)) {
                throw new AssertionError(kfile + ": component " + c + " is not a directory");
            }
            Map<String, Object> ck = enter(cdir, read, stack, "Component", COMPONENT_API, COMPONENT_FIELDS);
            addResources(cdir, kustomizationFile(cdir), ck, objects, read, stack);
            for (Map<String, Object> patch : maps(ck.get("patches"), cdir + " patches")) {
                applyPatch(cdir, kustomizationFile(cdir), patch, objects, read);
            }
            stack.remove(cdir);
        }
        for (Map<String, Object> patch : maps(k.get("patches"), kfile + " patches")) {
            applyPatch(dir, kfile, patch, objects, read);
        }
        for (Map<String, Object> image : maps(k.get("images"), kfile + " images")) {
            applyImage(kfile, image, objects);
        }
        if (k.get("namespace") != null) {
            String ns = k.get("namespace").toString();
            for (Map<String, Object> o : objects) {
                if (!CLUSTER_SCOPED.contains((String) o.get("kind"))) {
                    Yamls.mapAt(o, "metadata").put("namespace", ns);
                }
            }
        }
        stack.remove(dir);
        return objects;
    }

    /** Reads a kustomization file of the expected kind, refusing fields this project does not use and cycles. */
    private static Map<String, Object> enter(Path dir, Set<Path> read, Set<Path> stack, String kind, String api, Set<String> fields) {
        if (!stack.add(dir)) {
            throw new AssertionError("kustomization cycle through " + dir);
        }
        Path kfile = kustomizationFile(dir);
        read.add(kfile);
        Map<String, Object> k = Yamls.load(kfile);
        Set<String> unknown = new LinkedHashSet<>(k.keySet());
        unknown.removeAll(fields);
        if (!unknown.isEmpty()) {
            throw new AssertionError(kfile + " uses " + unknown + "; only " + fields + " are used in this project");
        }
        if (!kind.equals(k.get("kind")) || !api.equals(k.get("apiVersion"))) {
            throw new AssertionError(kfile + " must be kind " + kind + ", apiVersion " + api);
        }
        return k;
    }

    /** Adds the objects of a kustomization's resources (files and directories) to objects; no object twice. */
    private static void addResources(Path dir, Path kfile, Map<String, Object> k, List<Map<String, Object>> objects,
                                     Set<Path> read, Set<Path> stack) {
        for (Object r : Yamls.list(k.get("resources"), kfile + " resources")) {
            String entry = r.toString();
            if (entry.contains("://") || entry.startsWith("github.com/")) {
                throw new AssertionError(kfile + ": remote resource " + entry + " (everything must be in this repository)");
            }
            Path p = dir.resolve(entry).normalize();
            if (Files.isDirectory(p)) {
                objects.addAll(build(p, read, stack));
            } else if (Files.isRegularFile(p)) {
                read.add(p);
                for (Map<String, Object> doc : Yamls.loadAll(p)) {
                    requireObject(doc, p);
                    objects.add(map(copy(doc), p.toString()));
                }
            } else {
                throw new AssertionError(kfile + ": resource " + entry + " does not exist (" + p + ")");
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Map<String, Object> o : objects) {
            if (!ids.add(id(o))) {
                throw new AssertionError(kfile + ": " + id(o) + " appears twice");
            }
        }
    }

    private static void requireObject(Map<String, Object> doc, Path file) {
        if (doc.get("apiVersion") == null || doc.get("kind") == null || str(doc, "metadata", "name") == null) {
            throw new AssertionError(file + ": a document lacks apiVersion, kind or metadata.name: " + doc.keySet());
        }
    }

    private static void applyPatch(Path dir, Path kfile, Map<String, Object> entry, List<Map<String, Object>> objects, Set<Path> read) {
        Set<String> unknown = new LinkedHashSet<>(entry.keySet());
        unknown.removeAll(Set.of("path", "target"));
        if (!unknown.isEmpty() || entry.get("path") == null) {
            throw new AssertionError(kfile + ": patches take a path (and optionally a target) here, found " + entry.keySet());
        }
        Path p = dir.resolve(entry.get("path").toString()).normalize();
        if (!Files.isRegularFile(p)) {
            throw new AssertionError(kfile + ": patch " + entry.get("path") + " does not exist");
        }
        read.add(p);
        Map<String, Object> target = map(entry.get("target"), kfile + " patch target");
        for (Map<String, Object> patch : Yamls.loadAll(p)) {
            requireObject(patch, p);
            List<Map<String, Object>> matches = target.isEmpty()
                    ? objects.stream().filter(o -> o.get("kind").equals(patch.get("kind"))
                            && str(o, "metadata", "name").equals(str(patch, "metadata", "name"))
                            && (str(patch, "metadata", "namespace") == null
                                || str(patch, "metadata", "namespace").equals(str(o, "metadata", "namespace")))).toList()
                    : objects.stream().filter(o -> matches(o, target, kfile)).toList();
            if (matches.isEmpty()) {
                throw new AssertionError(kfile + ": patch " + p.getFileName() + " (" + (target.isEmpty() ? id(patch) : "target " + target)
                        + ") matches no object of " + dir);
            }
            if ("delete".equals(patch.get("$patch"))) {
                objects.removeAll(matches);
                continue;
            }
            for (Map<String, Object> o : matches) {
                Map<String, Object> body = new LinkedHashMap<>(patch);
                if (!target.isEmpty()) {
                    // kustomize: with a target, the patch's own name (and namespace) are ignored.
                    Map<String, Object> meta = new LinkedHashMap<>(Yamls.mapAt(patch, "metadata"));
                    meta.remove("name");
                    meta.remove("namespace");
                    body.put("metadata", meta);
                }
                Map<String, Object> merged = map(merge(o, body, BUILT_IN_API.contains((String) o.get("apiVersion"))), p.toString());
                o.clear();
                o.putAll(merged);
            }
        }
    }

    private static boolean matches(Map<String, Object> o, Map<String, Object> target, Path kfile) {
        for (Map.Entry<String, Object> t : target.entrySet()) {
            String want = t.getValue().toString();
            boolean ok = switch (t.getKey()) {
                case "kind" -> want.equals(o.get("kind"));
                case "name" -> Pattern.matches(want, str(o, "metadata", "name"));
                case "namespace" -> want.equals(str(o, "metadata", "namespace"));
                case "labelSelector" -> {
                    Map<String, Object> labels = Yamls.map(Yamls.at(o, "metadata", "labels"), "labels");
                    boolean all = true;
                    for (String term : want.split(",")) {
                        String[] kv = term.trim().split("=", 2);
                        all &= kv.length == 2 && kv[1].equals(String.valueOf(labels.get(kv[0])));
                    }
                    yield all;
                }
                default -> throw new AssertionError(kfile + ": patch target field " + t.getKey() + " is not used in this project");
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /**
     * Strategic merge: mappings merge key by key (null deletes), lists of named items (containers, env, ports,
     * volumes) merge item by item on built-in kinds, any other list is replaced, as kustomize does for custom resources.
     */
    static Object merge(Object base, Object patch, boolean builtIn) {
        if (base instanceof Map<?, ?> bm && patch instanceof Map<?, ?> pm) {
            Map<String, Object> out = new LinkedHashMap<>(map(copy(bm), "base"));
            for (Map.Entry<?, ?> e : pm.entrySet()) {
                String key = e.getKey().toString();
                if (key.startsWith("$")) {
                    continue;
                }
                if (e.getValue() == null) {
                    out.remove(key);
                } else {
                    out.put(key, out.containsKey(key) ? merge(out.get(key), e.getValue(), builtIn) : copy(e.getValue()));
                }
            }
            return out;
        }
        if (builtIn && base instanceof List<?> bl && patch instanceof List<?> pl) {
            String key = MERGE_KEYS.stream().filter(k -> hasKey(bl, k) && hasKey(pl, k)).findFirst().orElse(null);
            if (key != null) {
                // As kustomize renders it: items new to the list come first (in the patch's order), then the merged ones.
                List<Object> out = new ArrayList<>(Yamls.list(copy(bl), "base"));
                List<Object> added = new ArrayList<>();
                for (Object item : pl) {
                    Object want = ((Map<?, ?>) item).get(key);
                    int at = -1;
                    for (int i = 0; i < out.size(); i++) {
                        if (want.equals(((Map<?, ?>) out.get(i)).get(key))) {
                            at = i;
                        }
                    }
                    if (at >= 0) {
                        out.set(at, merge(out.get(at), item, true));
                    } else {
                        added.add(copy(item));
                    }
                }
                added.addAll(out);
                return added;
            }
        }
        return copy(patch);
    }

    private static boolean hasKey(List<?> list, String key) {
        return !list.isEmpty() && list.stream().allMatch(i -> i instanceof Map<?, ?> m && m.get(key) != null);
    }

    private static void applyImage(Path kfile, Map<String, Object> image, List<Map<String, Object>> objects) {
        Set<String> unknown = new LinkedHashSet<>(image.keySet());
        unknown.removeAll(Set.of("name", "newName", "newTag", "digest"));
        if (!unknown.isEmpty() || image.get("name") == null) {
            throw new AssertionError(kfile + ": images entries take name, newName, newTag, digest; found " + image.keySet());
        }
        String name = image.get("name").toString();
        boolean used = false;
        for (Map<String, Object> c : containers(objects)) {
            String[] ref = splitImage(c.get("image").toString());
            if (ref[0].equals(name)) {
                used = true;
                String newName = image.get("newName") == null ? ref[0] : image.get("newName").toString();
                if (image.get("digest") != null) {
                    c.put("image", newName + "@" + image.get("digest"));
                } else {
                    String tag = image.get("newTag") == null ? ref[1] : image.get("newTag").toString();
                    c.put("image", tag == null ? newName : newName + ":" + tag);
                }
            }
        }
        if (!used) {
            throw new AssertionError(kfile + ": images entry " + name + " names no container image");
        }
    }

    /** {@code [name, tag or null]} of an image reference (a registry's port is not a tag). */
    static String[] splitImage(String image) {
        String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int colon = ref.lastIndexOf(':');
        if (colon > ref.lastIndexOf('/')) {
            return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
        }
        return new String[] {ref, null};
    }

    /** Every container (and init container) of every pod template. */
    static List<Map<String, Object>> containers(List<Map<String, Object>> objects) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (!WORKLOAD_KINDS.contains((String) o.get("kind"))) {
                continue;
            }
            Map<String, Object> pod = Yamls.map(Yamls.at(o, "spec", "template", "spec"), "pod spec");
            out.addAll(maps(pod.get("containers"), "containers"));
            out.addAll(maps(pod.get("initContainers"), "initContainers"));
        }
        return out;
    }
}
