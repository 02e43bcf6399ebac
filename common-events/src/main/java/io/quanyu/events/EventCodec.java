package io.quanyu.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.quanyu.events.validation.Validator;
import io.quanyu.events.validation.Violation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/** Encodes events and other contract records to JSON bytes, and decodes them with a specific reason on failure. */
public final class EventCodec {

    private EventCodec() {
    }

    public static byte[] encode(Object value) {
        try {
            return Json.MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    /** Decodes and validates a normalized event. */
    public static Decoded<CloudEvent> decodeEvent(byte[] bytes) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return Decoded.Failed.of(ReasonCode.UNPARSEABLE, "not JSON: " + firstLine(e));
        }
        if (node == null || !node.isObject()) {
            return Decoded.Failed.of(ReasonCode.UNPARSEABLE, "a CloudEvent must be a JSON object");
        }
        JsonNode type = node.get("type");
        if (type == null || type.isNull() || type.asText().isBlank()) {
            return Decoded.Failed.of(List.of(new Violation("type", ReasonCode.SCHEMA_VIOLATION, "is required")));
        }
        if (EventType.parse(type.asText()).isEmpty()) {
            return Decoded.Failed.of(ReasonCode.UNKNOWN_EVENT, "type: '" + type.asText() + "' is not one of "
                    + java.util.Arrays.stream(EventType.values()).map(EventType::wire).collect(Collectors.joining(", ")));
        }
        return map(node, CloudEvent.class).flatMap(EventCodec::checkEvent);
    }

    /** Decodes a JSON value to {@code type} and validates it ({@link io.quanyu.events.validation.Required} and range rules). */
    public static <T> Decoded<T> decode(byte[] bytes, Class<T> type) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(bytes);
        } catch (IOException e) {
            return Decoded.Failed.of(ReasonCode.UNPARSEABLE, "not JSON: " + firstLine(e));
        }
        return decodeTree(node, type);
    }

    /** Decodes an already parsed JSON tree (one element of a batch) to {@code type} and validates it. */
    public static <T> Decoded<T> decodeTree(JsonNode node, Class<T> type) {
        if (node == null || !node.isObject()) {
            return Decoded.Failed.of(ReasonCode.UNPARSEABLE, "expected a JSON object, was "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        return map(node, type).flatMap(value -> {
            List<Violation> violations = Validator.validate(value);
            return violations.isEmpty() ? new Decoded.Ok<>(value) : Decoded.Failed.of(violations);
        });
    }

    private static Decoded<CloudEvent> checkEvent(CloudEvent event) {
        List<Violation> violations = new java.util.ArrayList<>(Validator.validate(event));
        if (event.specversion() != null && !CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            violations.add(new Violation("specversion", ReasonCode.SCHEMA_VIOLATION, "must be 1.0, was " + event.specversion()));
        }
        if (event.subject() != null && !UserKey.isValid(event.subject())) {
            violations.add(new Violation("subject", ReasonCode.SCHEMA_VIOLATION,
                    "must be a user key 'u:<userId>' or 'a:<anonymousId>', was '" + event.subject() + "'"));
        }
        if (event.channel() != null && Channel.parse(event.channel()).isEmpty()) {
            violations.add(new Violation("channel", ReasonCode.SCHEMA_VIOLATION, "unknown channel '" + event.channel() + "'"));
        }
        return violations.isEmpty() ? new Decoded.Ok<>(event) : Decoded.Failed.of(violations);
    }

    /** Jackson mapping with its errors turned into a path and a reason; no validation yet. */
    private static <T> Decoded<T> map(JsonNode node, Class<T> type) {
        ObjectReader reader = Json.MAPPER.readerFor(type);
        try {
            return new Decoded.Ok<>(reader.readValue(node));
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Decoded.Failed.of(List.of(new Violation(path.isEmpty() ? "$" : path,
                    ReasonCode.SCHEMA_VIOLATION, firstLine(e))));
        } catch (IOException e) {
            return Decoded.Failed.of(ReasonCode.UNPARSEABLE, firstLine(e));
        }
    }

    /** Jackson messages carry a source excerpt after the first line; the first line is the reason. */
    private static String firstLine(Exception e) {
        String m = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
