package io.quanyu.console.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.domain.Reply;
import io.quanyu.events.Json;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Backend JSON as plain maps and lists, which templates read by name ({p.rfm.label}). */
public final class Views {

    private Views() {
    }

    public static Object plain(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : Json.MAPPER.convertValue(node, Object.class);
    }

    /** The body of a successful reply as maps and lists; null otherwise. */
    public static Object plain(Reply r) {
        return r != null && r.ok() ? plain(r.body()) : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(JsonNode node) {
        Object o = plain(node);
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(JsonNode node) {
        Object o = plain(node);
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    public static Reply join(CompletableFuture<Reply> f) {
        return f.join();
    }

    public static double number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : 0;
    }
}
