package io.quanyu.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Enough of PromQL to find the metric names an expression selects, and the label values it matches on. */
final class PromQl {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!=|!~|=)\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PromQl() {
    }

    /** The metric names an expression reads (Grafana's $variables allowed). */
    static Set<String> metricNames(String expr) {
        String s = expr.replaceAll("\\$\\{?[A-Za-z_]+}?", " ");
        s = STRING.matcher(s).replaceAll("\"\"");
        s = s.replaceAll("\\{[^}]*}", " ");
        s = s.replaceAll("\\[[^]]*]", " ");
        s = GROUPING.matcher(s).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String token = m.group();
            int before = m.start() - 1;
            if (before >= 0 && (Character.isDigit(s.charAt(before)) || s.charAt(before) == '.')) {
                continue; // part of a number such as 1e3
            }
            int after = m.end();
            while (after < s.length() && Character.isWhitespace(s.charAt(after))) {
                after++;
            }
            if (after < s.length() && s.charAt(after) == '(') {
                continue; // a function or an aggregation
            }
            if (!KEYWORDS.contains(token.toLowerCase())) {
                names.add(token);
            }
        }
        return names;
    }

    /** Values an expression gives a label with an equality matcher ({@code label="value"}). */
    static Set<String> equalityValues(String expr, String label) {
        Set<String> out = new TreeSet<>();
        Matcher m = MATCHER.matcher(expr);
        while (m.find()) {
            if (m.group(1).equals(label) && m.group(2).equals("=")) {
                out.add(m.group(3));
            }
        }
        return out;
    }

    /** Parentheses, brackets and braces balance outside strings. */
    static boolean balanced(String expr) {
        String s = STRING.matcher(expr).replaceAll("\"\"");
        java.util.ArrayDeque<Character> open = new java.util.ArrayDeque<>();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '(', '[', '{' -> open.push(c);
                case ')' -> { if (open.isEmpty() || open.pop() != '(') return false; }
                case ']' -> { if (open.isEmpty() || open.pop() != '[') return false; }
                case '}' -> { if (open.isEmpty() || open.pop() != '{') return false; }
                default -> { }
            }
        }
        return open.isEmpty();
    }
}
