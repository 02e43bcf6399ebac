package io.quanyu.events.serde;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.quanyu.events.CloudEvent;
import io.quanyu.events.EventType;
import io.quanyu.events.data.EventData;
import java.io.IOException;
import java.time.Instant;

/** Reads a CloudEvent, choosing the {@code data} record from the {@code type} attribute. */
public final class CloudEventJsonDeserializer extends StdDeserializer<CloudEvent> {

    public CloudEventJsonDeserializer() {
        super(CloudEvent.class);
    }

    @Override
    public CloudEvent deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = ctxt.readTree(p);
        if (!node.isObject()) {
            throw JsonMappingException.from(p, "a CloudEvent must be a JSON object, was " + node.getNodeType());
        }
        String type = text(node, "type");
        EventData data = null;
        JsonNode dataNode = node.get("data");
        if (dataNode != null && !dataNode.isNull()) {
            EventType eventType = EventType.parse(type).orElseThrow(() -> JsonMappingException.from(p,
                    "unknown event type '" + type + "'"));
            data = field("data", () -> ctxt.readTreeAsValue(dataNode, eventType.dataType()));
        }
        Integer schemaVersion = node.hasNonNull("schemaversion")
                ? field("schemaversion", () -> ctxt.readTreeAsValue(node.get("schemaversion"), Integer.class)) : null;
        return new CloudEvent(text(node, "specversion"), text(node, "id"), text(node, "source"), type,
                instant(node, "time", ctxt), text(node, "subject"), text(node, "datacontenttype"),
                text(node, "channel"), instant(node, "receivedat", ctxt), text(node, "sessionid"),
                schemaVersion, data);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Instant instant(JsonNode node, String field, DeserializationContext ctxt) throws IOException {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : field(field, () -> ctxt.readTreeAsValue(v, Instant.class));
    }

    private interface Read<T> {
        T read() throws IOException;
    }

    /** Reads a nested value so that its errors carry the envelope field in their path. */
    private static <T> T field(String name, Read<T> read) throws IOException {
        try {
            return read.read();
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, CloudEvent.class, name);
        }
    }
}
