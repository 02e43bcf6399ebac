package io.quanyu.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The channels that publish raw events, each with its own raw topic. */
public enum Channel {
    WEB, APP, MINIPROGRAM, STORE, ADS, CATALOG;

    /** Lower-case name used in URLs, topic names, the CloudEvents {@code source} and {@code channel}. */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The raw topic this channel publishes to, e.g. {@code raw.web}. */
    public String rawTopic() {
        return Topics.RAW_PREFIX + wire();
    }

    /** The CloudEvents {@code source} of events normalized from this channel. */
    public String source() {
        return "/channel/" + wire();
    }

    /** Every raw topic, the ingestion pipeline's input. */
    public static java.util.List<String> rawTopics() {
        return java.util.Arrays.stream(values()).map(Channel::rawTopic).toList();
    }

    /** The channel whose raw topic this is; empty for any other topic. */
    public static Optional<Channel> ofRawTopic(String topic) {
        return topic != null && topic.startsWith(Topics.RAW_PREFIX) ? parse(topic.substring(Topics.RAW_PREFIX.length())) : Optional.empty();
    }

    /** Parses a wire name; empty for anything that is not a channel. */
    public static Optional<Channel> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        for (Channel c : values()) {
            if (c.wire().equals(wire.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    @JsonCreator
    static Channel fromWire(String wire) {
        return parse(wire).orElseThrow(() -> new IllegalArgumentException("unknown channel '" + wire + "'"));
    }
}
