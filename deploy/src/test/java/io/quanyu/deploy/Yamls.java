package io.quanyu.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** YAML documents as plain maps and lists, and small typed accessors for walking them. */
final class Yamls {

    private Yamls() {
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options);
    }

    /** Every non-empty document of a file (merge keys {@code <<} resolved, duplicate keys refused). */
    static List<Map<String, Object>> loadAll(Path file) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : yaml().loadAll(Repo.read(file))) {
            if (doc == null) {
                continue;
            }
            if (!(doc instanceof Map<?, ?>)) {
                throw new IllegalStateException(file + ": a document is not a mapping but " + doc.getClass().getSimpleName());
            }
            out.add(map(doc, file.toString()));
        }
        return out;
    }

    static Map<String, Object> load(Path file) {
        List<Map<String, Object>> docs = loadAll(file);
        if (docs.size() != 1) {
            throw new IllegalStateException(file + ": expected one YAML document, found " + docs.size());
        }
        return docs.getFirst();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o, String what) {
        if (o == null) {
            return Map.of();
        }
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalStateException(what + ": expected a mapping, found " + o);
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o, String what) {
        if (o == null) {
            return List.of();
        }
        if (!(o instanceof List<?>)) {
            throw new IllegalStateException(what + ": expected a list, found " + o);
        }
        return (List<Object>) o;
    }

    static List<Map<String, Object>> maps(Object o, String what) {
        return list(o, what).stream().map(i -> map(i, what)).toList();
    }

    /** The value at a dotted path of keys, or null. */
    static Object at(Map<String, Object> root, String... keys) {
        Object cur = root;
        for (String k : keys) {
            if (!(cur instanceof Map<?, ?> m)) {
                return null;
            }
            cur = m.get(k);
        }
        return cur;
    }

    static String str(Map<String, Object> root, String... keys) {
        Object o = at(root, keys);
        return o == null ? null : o.toString();
    }

    static Map<String, Object> mapAt(Map<String, Object> root, String... keys) {
        return map(at(root, keys), String.join(".", keys));
    }

    static List<Map<String, Object>> mapsAt(Map<String, Object> root, String... keys) {
        return maps(at(root, keys), String.join(".", keys));
    }

    /** A deep copy made of LinkedHashMaps and ArrayLists, so patches never touch what they were applied to. */
    static Object copy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(Objects.toString(k), copy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return o;
    }

    /** {@code kind/namespace/name} of a Kubernetes object. */
    static String id(Map<String, Object> obj) {
        String ns = str(obj, "metadata", "namespace");
        return obj.get("kind") + "/" + (ns == null ? "" : ns + "/") + str(obj, "metadata", "name");
    }
}
