package io.quanyu.events.serde;

import io.quanyu.events.FailedEvent;

/** Kafka serializer for {@link FailedEvent}, named for configuration by class name. */
public final class FailedEventSerializer extends JsonSerializer<FailedEvent> {
}
