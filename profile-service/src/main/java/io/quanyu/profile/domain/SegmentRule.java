package io.quanyu.profile.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule segment's condition over a portrait (as JSON): {@code {"all":[...]}}, {@code {"any":[...]}},
 * {@code {"not":{...}}}, or a leaf {@code {"field":"rfm.r","op":">=","value":4}}. Fields are dotted paths of the
 * served portrait (snake_case), e.g. {@code traits.gender}, {@code channels.store}, {@code activity.purchases},
 * {@code category_interests.comedy}, {@code lifecycle}, {@code rfm.label}.
 */
public final class SegmentRule {

    private static final Set<String> OPS = Set.of("=", "!=", ">", ">=", "<", "<=", "in", "contains", "exists");

    private final JsonNode condition;

    private SegmentRule(JsonNode condition) {
        this.condition = condition;
    }

    /** Parses and checks a condition; the problems are listed with their JSON paths. */
    public static SegmentRule parse(JsonNode condition) {
        List<String> problems = new ArrayList<>();
        check(condition, "$", problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new SegmentRule(condition);
    }

    public boolean matches(JsonNode portrait) {
        return eval(condition, portrait);
    }

    private static void check(JsonNode c, String path, List<String> problems) {
        if (c == null || !c.isObject()) {
            problems.add(path + ": expected an object");
            return;
        }
        if (c.has("all") || c.has("any")) {
            JsonNode list = c.has("all") ? c.get("all") : c.get("any");
            if (!list.isArray() || list.isEmpty()) {
                problems.add(path + ": all/any takes a non-empty array");
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + (c.has("all") ? ".all[" : ".any[") + i + "]", problems);
            }
        } else if (c.has("not")) {
            check(c.get("not"), path + ".not", problems);
        } else {
            if (!c.path("field").isTextual() || c.path("field").asText().isBlank()) {
                problems.add(path + ".field: is required");
            }
            String op = c.path("op").asText("");
            if (!OPS.contains(op)) {
                problems.add(path + ".op: must be one of " + new java.util.TreeSet<>(OPS) + ", was '" + op + "'");
            } else if (!op.equals("exists") && !c.has("value")) {
                problems.add(path + ".value: is required for op " + op);
            } else if (op.equals("in") && !c.path("value").isArray()) {
                problems.add(path + ".value: op in takes an array");
            }
        }
    }

    private static boolean eval(JsonNode c, JsonNode portrait) {
        if (c.has("all")) {
            for (JsonNode x : c.get("all")) {
                if (!eval(x, portrait)) {
                    return false;
                }
            }
            return true;
        }
        if (c.has("any")) {
            for (JsonNode x : c.get("any")) {
                if (eval(x, portrait)) {
                    return true;
                }
            }
            return false;
        }
        if (c.has("not")) {
            return !eval(c.get("not"), portrait);
        }
        JsonNode actual = portrait;
        for (String part : c.get("field").asText().split("\\.")) {
            actual = actual == null ? null : actual.get(part);
        }
        String op = c.get("op").asText();
        JsonNode expected = c.get("value");
        boolean present = actual != null && !actual.isNull() && !actual.isMissingNode();
        return switch (op) {
            case "exists" -> present == (expected == null || expected.asBoolean(true));
            case "=" -> present && same(actual, expected);
            case "!=" -> !present || !same(actual, expected);
            case "in" -> present && contains(expected, actual);
            case "contains" -> present && (actual.isArray() ? contains(actual, expected)
                    : actual.isObject() ? actual.has(expected.asText())
                    : actual.asText().toLowerCase(Locale.ROOT).contains(expected.asText().toLowerCase(Locale.ROOT)));
            default -> present && actual.isNumber() && expected.isNumber() && compare(op, actual.asDouble(), expected.asDouble());
        };
    }

    private static boolean same(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber() ? a.asDouble() == b.asDouble() : a.asText().equals(b.asText());
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode x : array) {
            if (same(x, value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean compare(String op, double a, double b) {
        return switch (op) {
            case ">" -> a > b;
            case ">=" -> a >= b;
            case "<" -> a < b;
            default -> a <= b;
        };
    }
}
