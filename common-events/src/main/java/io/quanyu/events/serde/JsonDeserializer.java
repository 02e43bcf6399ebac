package io.quanyu.events.serde;

import io.quanyu.events.Decoded;
import io.quanyu.events.EventCodec;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for a contract record; invalid input raises a {@link SerializationException} whose
 * message starts with the reason code, for consumers that route it to {@code events.failed.v1}.
 */
public class JsonDeserializer<T> implements Deserializer<T> {

    private final Class<T> type;

    public JsonDeserializer(Class<T> type) {
        this.type = type;
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        return switch (decode(data)) {
            case Decoded.Ok<T> ok -> ok.value();
            case Decoded.Failed<T> f -> throw new SerializationException(f.code().wire() + ": " + f.detail());
        };
    }

    protected Decoded<T> decode(byte[] data) {
        return EventCodec.decode(data, type);
    }
}
