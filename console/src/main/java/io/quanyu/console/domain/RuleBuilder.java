package io.quanyu.console.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The segment builder's rows (field, operator, value) combined with all/any into the JSON condition profile-service
 * takes. It only shapes JSON: profile checks the condition and answers with the problems it finds.
 */
public final class RuleBuilder {

    /** One row of the form; a row without a field is ignored. */
    public record Row(String field, String op, String value) {
    }

    /** Fields offered in the form's list (a marketer may still type any dotted path of the portrait). */
    public static final List<String> FIELDS = List.of("activity.purchases", "rfm.monetary", "rfm.r", "rfm.f", "rfm.m", "rfm.label",
            "lifecycle", "churn_risk", "purchase_propensity", "preferred_channel", "traits.gender", "traits.age_group", "channels.store",
            "category_interests.comedy", "category_interests.drama");
    public static final List<String> OPS = List.of(">=", ">", "=", "!=", "<", "<=", "in", "contains", "exists");
    private static final Set<String> NO_VALUE = Set.of("exists");

    private RuleBuilder() {
    }

    /** {"all"|"any": [leaves]} for two or more rows, the leaf itself for one; null for none. */
    public static JsonNode condition(String combine, List<Row> rows) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ArrayNode leaves = f.arrayNode();
        for (Row r : rows) {
            if (r.field() == null || r.field().isBlank()) {
                continue;
            }
            ObjectNode leaf = f.objectNode().put("field", r.field().trim()).put("op", r.op() == null ? "=" : r.op().trim());
            if (!NO_VALUE.contains(leaf.get("op").asText())) {
                leaf.set("value", value(r.value(), leaf.get("op").asText()));
            }
            leaves.add(leaf);
        }
        if (leaves.isEmpty()) {
            return null;
        }
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        ObjectNode out = f.objectNode();
        out.set("any".equals(combine) ? "any" : "all", leaves);
        return out;
    }

    /** A number when it reads as one, true/false as booleans, a list for "in" (comma-separated), else text. */
    static JsonNode value(String raw, String op) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String v = raw == null ? "" : raw.trim();
        if ("in".equals(op)) {
            ArrayNode list = f.arrayNode();
            for (String part : v.split(",")) {
                if (!part.isBlank()) {
                    list.add(value(part, "="));
                }
            }
            return list;
        }
        if (v.equals("true") || v.equals("false")) {
            return f.booleanNode(Boolean.parseBoolean(v));
        }
        try {
            return f.numberNode(new BigDecimal(v));
        } catch (NumberFormatException e) {
            return f.textNode(v);
        }
    }
}
