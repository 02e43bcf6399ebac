package io.quanyu.events.serde;

import io.quanyu.events.CloudEvent;
import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;

/** Kafka deserializer for normalized events on {@code events.v1}, validating as it reads. */
public final class CloudEventDeserializer extends JsonDeserializer<CloudEvent> {

    public CloudEventDeserializer() {
        super(CloudEvent.class);
    }

    @Override
    protected Decoded<CloudEvent> decode(byte[] data) {
        return EventCodec.decodeEvent(data);
    }
}
