package io.quanyu.testkit.replay;

import io.quanyu.events.Channel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Kafka record for a raw channel topic: topic, key (the channel's own user or device id) and JSON bytes;
 * {@code trusted} when the shop's back end sends it (the record then carries the {@code quanyu-trusted} header).
 */
public record RawMessage(String topic, String key, byte[] value, boolean trusted) {

    public RawMessage(String topic, String key, byte[] value) {
        this(topic, key, value, false);
    }

    /** The Kafka record, with the trusted-source header when the back end sends it. */
    public org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record() {
        var r = new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value);
        if (trusted) {
            r.headers().add(io.quanyu.events.data.Identify.TRUSTED_HEADER, "true".getBytes(StandardCharsets.US_ASCII));
        }
        return r;
    }

    public RawMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** The channel whose raw topic this record is on. */
    public Channel channel() {
        return Channel.parse(topic.substring(topic.indexOf('.') + 1))
                .orElseThrow(() -> new IllegalStateException("not a raw topic: " + topic));
    }

    /** The value as text, for logs and tests. */
    public String text() {
        return new String(value, StandardCharsets.UTF_8);
    }

    // A record compares arrays by reference; replay determinism is about the bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof RawMessage m && topic.equals(m.topic) && key.equals(m.key) && Arrays.equals(value, m.value) && trusted == m.trusted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, key, Arrays.hashCode(value), trusted);
    }

    @Override
    public String toString() {
        return topic + " [" + key + "] " + text();
    }
}
