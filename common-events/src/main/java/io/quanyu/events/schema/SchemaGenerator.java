package io.quanyu.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.EventType;
import io.quanyu.events.Json;
import io.quanyu.events.data.EventData;
import io.quanyu.events.validation.Range;
import io.quanyu.events.validation.Required;
import io.quanyu.events.validation.Validator;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Derives JSON Schemas (draft 2020-12) from the contract records, so the published schemas and the code
 * that reads the data are one definition: shapes, {@link io.quanyu.events.validation.Range} bounds and what text is
 * accepted; rules across fields live in the records' own checks.
 */
public final class SchemaGenerator {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String NO_CONTROL = "[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F]";
    static final String TEXT = "^" + NO_CONTROL + "*$";
    static final String REQUIRED_TEXT = "^" + NO_CONTROL + "*[^\\s\\u0000-\\u001F]" + NO_CONTROL + "*$";
    private final Map<String, ObjectNode> defs = new TreeMap<>();

    private SchemaGenerator() {
    }

    /** The schema of one record type, with nested records under {@code $defs}. */
    public static ObjectNode generate(Class<?> root, String id, String description) {
        SchemaGenerator g = new SchemaGenerator();
        ObjectNode schema = F.objectNode();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("$id", id);
        schema.put("title", root.getSimpleName());
        schema.put("description", description);
        schema.setAll(g.recordBody(root));
        if (root == io.quanyu.events.CloudEvent.class) {
            schema.set("allOf", g.dataByType());
        }
        if (!g.defs.isEmpty()) {
            ObjectNode d = schema.putObject("$defs");
            g.defs.forEach(d::set);
        }
        return schema;
    }

    private ObjectNode recordBody(Class<?> type) {
        ObjectNode body = F.objectNode();
        body.put("type", "object");
        ObjectNode props = body.putObject("properties");
        ArrayNode required = F.arrayNode();
        for (RecordComponent rc : type.getRecordComponents()) {
            String name = Validator.wireName(rc);
            boolean req = rc.isAnnotationPresent(Required.class);
            ObjectNode shape = shape(rc.getGenericType(), req);
            Range range = rc.getAnnotation(Range.class);
            if (range != null) {
                if (!range.min().isEmpty()) {
                    shape.put("minimum", new BigDecimal(range.min()));
                }
                if (!range.max().isEmpty()) {
                    shape.put("maximum", new BigDecimal(range.max()));
                }
            }
            props.set(name, nullable(shape, req));
            if (req) {
                required.add(name);
            }
        }
        if (!required.isEmpty()) {
            body.set("required", required);
        }
        return body;
    }

    private static JsonNode nullable(ObjectNode p, boolean required) {
        if (required) {
            return p;
        }
        if (p.has("type") && p.get("type").isTextual()) {
            ArrayNode types = F.arrayNode().add(p.get("type").asText()).add("null");
            p.set("type", types);
            return p;
        }
        ObjectNode any = F.objectNode();
        any.putArray("anyOf").add(p).add(F.objectNode().put("type", "null"));
        return any;
    }

    private ObjectNode shape(Type type, boolean required) {
        if (type instanceof ParameterizedType pt) {
            Class<?> raw = (Class<?>) pt.getRawType();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode a = F.objectNode().put("type", "array");
                a.set("items", shape(pt.getActualTypeArguments()[0], true));
                if (required) {
                    a.put("minItems", 1);
                }
                return a;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode o = F.objectNode().put("type", "object");
                Type value = pt.getActualTypeArguments()[1];
                o.set("additionalProperties", value == Object.class ? F.objectNode() : shape(value, true));
                return o;
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            // No control characters but tab, LF and CR (see Text); a required string has a visible character.
            return F.objectNode().put("type", "string").put("pattern", required ? REQUIRED_TEXT : TEXT);
        }
        if (c == Integer.class || c == int.class || c == Long.class || c == long.class) {
            return F.objectNode().put("type", "integer");
        }
        if (c == BigDecimal.class || c == Double.class || c == double.class) {
            return F.objectNode().put("type", "number");
        }
        if (c == Boolean.class || c == boolean.class) {
            return F.objectNode().put("type", "boolean");
        }
        if (c == Instant.class || c == OffsetDateTime.class) {
            return F.objectNode().put("type", "string").put("format", "date-time");
        }
        if (c == byte[].class) {
            return F.objectNode().put("type", "string").put("contentEncoding", "base64");
        }
        if (c.isEnum()) {
            ObjectNode e = F.objectNode().put("type", "string");
            ArrayNode values = e.putArray("enum");
            for (Object constant : c.getEnumConstants()) {
                values.add(Json.MAPPER.convertValue(constant, String.class));
            }
            return e;
        }
        if (c == EventData.class) {
            // Which record applies depends on the envelope's type: see dataByType().
            return F.objectNode().put("type", "object");
        }
        if (c.isRecord()) {
            if (!defs.containsKey(c.getSimpleName())) {
                defs.put(c.getSimpleName(), F.objectNode());
                defs.put(c.getSimpleName(), recordBody(c));
            }
            return F.objectNode().put("$ref", "#/$defs/" + c.getSimpleName());
        }
        return F.objectNode();
    }

    /** One if/then per event type: the {@code type} attribute selects the {@code data} record. */
    private ArrayNode dataByType() {
        ArrayNode all = F.arrayNode();
        ObjectNode typeEnum = F.objectNode();
        ArrayNode names = typeEnum.putObject("properties").putObject("type").putArray("enum");
        for (EventType t : EventType.values()) {
            names.add(t.wire());
        }
        all.add(typeEnum);
        for (EventType t : EventType.values()) {
            ObjectNode rule = F.objectNode();
            rule.putObject("if").putObject("properties").putObject("type").put("const", t.wire());
            rule.putObject("then").putObject("properties").set("data", shape(t.dataType(), true));
            all.add(rule);
        }
        return all;
    }
}
