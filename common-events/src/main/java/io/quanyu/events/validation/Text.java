package io.quanyu.events.validation;

/**
 * What text the suite accepts: no C0 control characters other than tab, line feed and carriage return, and no
 * unpaired UTF-16 surrogates. PostgreSQL cannot store U+0000 in text at all, and the others are never real
 * content; a string that carries them is refused at the edge instead of failing every reader downstream.
 */
public final class Text {

    private Text() {
    }

    /** Why {@code s} is not acceptable text, or null when it is. */
    public static String problem(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return String.format("contains the control character U+%04X at position %d", (int) c, i);
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired UTF-16 surrogate at position " + i;
                }
            }
        }
        return null;
    }

    /** The first string or field name in a JSON tree that is not acceptable text, as {@code path: problem}; null when all are. */
    public static String problemIn(com.fasterxml.jackson.databind.JsonNode node) {
        return problemIn(node, "$", 0);
    }

    private static String problemIn(com.fasterxml.jackson.databind.JsonNode node, String path, int depth) {
        if (depth > 64) {
            return path + ": nested deeper than 64 levels";
        }
        if (node.isTextual()) {
            String p = problem(node.textValue());
            return p == null ? null : path + ": " + p;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = problemIn(node.get(i), path + "[" + i + "]", depth + 1);
                if (p != null) {
                    return p;
                }
            }
        } else if (node.isObject()) {
            for (var it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                String name = problem(e.getKey());
                if (name != null) {
                    return path + ": a field name " + name;
                }
                String p = problemIn(e.getValue(), path + "." + e.getKey(), depth + 1);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Whether {@code s} is acceptable text. */
    public static boolean ok(String s) {
        return problem(s) == null;
    }
}
