package io.quanyu.events.serde;

import io.quanyu.events.CloudEvent;

/** Kafka serializer for {@link CloudEvent}, named for configuration by class name. */
public final class CloudEventSerializer extends JsonSerializer<CloudEvent> {
}
