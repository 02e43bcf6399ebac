package io.quanyu.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.quanyu.events.data.EventData;
import io.quanyu.events.validation.Required;
import io.quanyu.events.serde.CloudEventJsonDeserializer;
import java.time.Instant;

/**
 * A normalized event on {@code events.v1}: CloudEvents 1.0 in JSON structured mode, with the Quanyu
 * extensions {@code channel}, {@code receivedat}, {@code sessionid} and {@code schemaversion}.
 */
@JsonDeserialize(using = CloudEventJsonDeserializer.class)
public record CloudEvent(
        @Required String specversion,
        @Required String id,
        @Required String source,
        @Required String type,
        @Required Instant time,
        @Required String subject,
        String datacontenttype,
        @Required String channel,
        @JsonProperty("receivedat") Instant receivedAt,
        @JsonProperty("sessionid") String sessionId,
        @JsonProperty("schemaversion") Integer schemaVersion,
        @Required EventData data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Version of the {@code data} shapes in this module; bumped with a new topic on breaking change. */
    public static final int SCHEMA_VERSION = 1;

    /** A new event from a channel with the standard attributes filled in. */
    public static CloudEvent of(String id, Channel channel, EventType type, Instant time, String subject,
                                Instant receivedAt, String sessionId, EventData data) {
        return new CloudEvent(SPEC_VERSION, id, channel.source(), type.wire(), time, subject, CONTENT_TYPE,
                channel.wire(), receivedAt, sessionId, SCHEMA_VERSION, data);
    }

    /** The parsed type; empty when the type is not one of {@link EventType}. */
    public java.util.Optional<EventType> eventType() {
        return EventType.parse(type);
    }

    /** The data as the record its type calls for. */
    public <T extends EventData> T data(Class<T> expected) {
        return expected.cast(data);
    }
}
