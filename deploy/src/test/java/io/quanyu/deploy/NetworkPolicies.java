package io.quanyu.deploy;

import static io.quanyu.deploy.Yamls.at;
import static io.quanyu.deploy.Yamls.map;
import static io.quanyu.deploy.Yamls.maps;
import static io.quanyu.deploy.Yamls.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides whether a connection between two pods is allowed by a set of NetworkPolicies, with the semantics of the
 * Kubernetes API: a pod selected by a policy of a type (Ingress, Egress) is isolated for it, and then only what some
 * selecting policy's rules allow gets through; a connection needs the sender's egress and the receiver's ingress.
 */
final class NetworkPolicies {

    /** A pod as NetworkPolicies see it: where it runs, its labels, and its container ports (named ones by name). */
    record Pod(String what, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
               Map<String, Integer> namedPorts, List<Integer> ports) {

        static Pod of(String what, String namespace, Map<String, String> namespaceLabels, Map<String, String> labels,
                      Map<String, Integer> namedPorts) {
            Map<String, String> ns = new LinkedHashMap<>(namespaceLabels);
            ns.put("kubernetes.io/metadata.name", namespace); // set on every namespace by the API server
            return new Pod(what, namespace, ns, labels, namedPorts, List.copyOf(namedPorts.values()));
        }

        /** The pod of a Deployment or StatefulSet in namespace, with its containers' ports. */
        static Pod ofWorkload(Map<String, Object> workload, String namespace, Map<String, String> namespaceLabels) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Map<String, Object> c : maps(at(workload, "spec", "template", "spec", "containers"), "containers")) {
                for (Map<String, Object> p : maps(c.get("ports"), "ports")) {
                    int number = ((Number) p.get("containerPort")).intValue();
                    ports.put(p.get("name") == null ? "#" + number : p.get("name").toString(), number);
                }
            }
            return of(Yamls.id(workload), namespace, namespaceLabels, strings(at(workload, "spec", "template", "metadata", "labels")), ports);
        }

        Integer port(Object nameOrNumber) {
            return nameOrNumber instanceof Number n ? Integer.valueOf(n.intValue()) : namedPorts.get(nameOrNumber.toString());
        }
    }

    private final List<Map<String, Object>> policies;
    private final String defaultNamespace;

    /** The NetworkPolicies among objects; a policy without a namespace (the base) lives in defaultNamespace. */
    NetworkPolicies(List<Map<String, Object>> objects, String defaultNamespace) {
        this.policies = objects.stream().filter(o -> "NetworkPolicy".equals(o.get("kind"))).toList();
        this.defaultNamespace = defaultNamespace;
    }

    List<Map<String, Object>> all() {
        return policies;
    }

    String namespaceOf(Map<String, Object> policy) {
        return Objects.requireNonNullElse(str(policy, "metadata", "namespace"), defaultNamespace);
    }

    /** The policyTypes of a policy, with the API's default when the field is left out. */
    static List<String> types(Map<String, Object> policy) {
        List<Object> declared = Yamls.list(at(policy, "spec", "policyTypes"), "policyTypes");
        if (!declared.isEmpty()) {
            return declared.stream().map(Object::toString).toList();
        }
        return at(policy, "spec", "egress") == null ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    /** The policies of the given type that select pod. */
    List<Map<String, Object>> selecting(Pod pod, String type) {
        return policies.stream().filter(p -> namespaceOf(p).equals(pod.namespace()) && types(p).contains(type))
                .filter(p -> selects(map(at(p, "spec", "podSelector"), "podSelector"), pod.labels())).toList();
    }

    boolean allows(Pod from, Pod to, int port, String protocol) {
        return egressAllows(from, to, port, protocol) && ingressAllows(from, to, port, protocol);
    }

    boolean ingressAllows(Pod from, Pod to, int port, String protocol) {
        List<Map<String, Object>> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream().anyMatch(p -> rulesAllow(p, "ingress", "from", from, to, port, protocol));
    }

    boolean egressAllows(Pod from, Pod to, int port, String protocol) {
        List<Map<String, Object>> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream().anyMatch(p -> rulesAllow(p, "egress", "to", to, to, port, protocol));
    }

    /** Whether a rule of the policy admits the peer on the port; named ports are resolved on the receiving pod. */
    private boolean rulesAllow(Map<String, Object> policy, String direction, String peersKey, Pod peer, Pod receiver, int port, String protocol) {
        for (Map<String, Object> rule : maps(at(policy, "spec", direction), direction)) {
            List<Map<String, Object>> peers = maps(rule.get(peersKey), peersKey);
            boolean peerOk = peers.isEmpty() || peers.stream().anyMatch(p -> peerMatches(p, namespaceOf(policy), peer));
            if (peerOk && portMatches(maps(rule.get("ports"), "ports"), receiver, port, protocol)) {
                return true;
            }
        }
        return false;
    }

    /** A NetworkPolicyPeer (podSelector, namespaceSelector, both; an ipBlock never names a pod) seen from policyNamespace. */
    static boolean peerMatches(Map<String, Object> peer, String policyNamespace, Pod pod) {
        if (peer.get("ipBlock") != null) {
            return false;
        }
        Object nsSelector = peer.get("namespaceSelector");
        boolean nsOk = nsSelector == null ? pod.namespace().equals(policyNamespace) : selects(map(nsSelector, "namespaceSelector"), pod.namespaceLabels());
        Object podSelector = peer.get("podSelector");
        return nsOk && (podSelector == null || selects(map(podSelector, "podSelector"), pod.labels()));
    }

    private static boolean portMatches(List<Map<String, Object>> ports, Pod receiver, int port, String protocol) {
        if (ports.isEmpty()) {
            return true;
        }
        for (Map<String, Object> p : ports) {
            if (!protocol.equals(Objects.requireNonNullElse(p.get("protocol"), "TCP"))) {
                continue;
            }
            Object declared = p.get("port");
            if (declared == null) {
                return true;
            }
            Integer resolved = receiver.port(declared);
            int end = p.get("endPort") == null ? -1 : ((Number) p.get("endPort")).intValue();
            if (resolved != null && (resolved == port || declared instanceof Number && port >= resolved && port <= end)) {
                return true;
            }
        }
        return false;
    }

    /** A label selector: matchLabels and matchExpressions (In, NotIn, Exists, DoesNotExist); an empty one selects all. */
    static boolean selects(Map<String, Object> selector, Map<String, String> labels) {
        for (Map.Entry<String, Object> e : map(selector.get("matchLabels"), "matchLabels").entrySet()) {
            if (!String.valueOf(e.getValue()).equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (Map<String, Object> ex : maps(selector.get("matchExpressions"), "matchExpressions")) {
            String key = ex.get("key").toString();
            List<String> values = Yamls.list(ex.get("values"), "values").stream().map(String::valueOf).toList();
            boolean ok = switch (ex.get("operator").toString()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown selector operator " + ex.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The ports a rule names, as declared (numbers or port names), for checking that each exists on its target. */
    static List<Object> declaredPorts(Map<String, Object> rule) {
        List<Object> out = new ArrayList<>();
        maps(rule.get("ports"), "ports").forEach(p -> out.add(p.get("port")));
        return out;
    }

    static Map<String, String> strings(Object labels) {
        Map<String, String> out = new LinkedHashMap<>();
        map(labels, "labels").forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
