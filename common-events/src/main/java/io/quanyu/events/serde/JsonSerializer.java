package io.quanyu.events.serde;

import io.quanyu.events.EventCodec;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka serializer for any contract record, with the shared JSON conventions; null stays null (tombstones). */
public class JsonSerializer<T> implements Serializer<T> {

    @Override
    public byte[] serialize(String topic, T data) {
        return data == null ? null : EventCodec.encode(data);
    }
}
