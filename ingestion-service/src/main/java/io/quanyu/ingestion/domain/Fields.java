package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small reads of raw JSON that adapters share. */
final class Fields {

    private Fields() {
    }

    /** Text of a scalar field, null when absent, null or blank. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || !v.isValueNode()) {
            return null;
        }
        String s = v.asText();
        return s.isBlank() ? null : s.trim();
    }

    /** A copy of an object field (properties, params, extra), or an empty object. */
    static ObjectNode bag(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isObject() ? ((ObjectNode) v).deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    /** Copies a top-level field into the bag under {@code as}, unless the bag has it already. */
    static void carry(ObjectNode bag, JsonNode from, String field, String as) {
        JsonNode v = from.get(field);
        if (v != null && !v.isNull() && !bag.hasNonNull(as)) {
            bag.set(as, v);
        }
    }
}
