package io.quanyu.events.serde;

import io.quanyu.events.FailedEvent;

/** Kafka deserializer for {@link FailedEvent}, validating as it reads. */
public final class FailedEventDeserializer extends JsonDeserializer<FailedEvent> {

    public FailedEventDeserializer() {
        super(FailedEvent.class);
    }
}
