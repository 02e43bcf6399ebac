package io.quanyu.events;

import java.time.Duration;

/**
 * How a topic is created: partitions bound the useful consumer instances, compacted topics keep the
 * latest value per key (state such as portraits and products), the others keep a time window.
 */
public record TopicSpec(String name, int partitions, boolean compacted, Duration retention) {

    /** Retention used for topics that are not compacted unless a spec says otherwise. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    static TopicSpec stream(String name, int partitions) {
        return new TopicSpec(name, partitions, false, DEFAULT_RETENTION);
    }

    static TopicSpec stream(String name, int partitions, Duration retention) {
        return new TopicSpec(name, partitions, false, retention);
    }

    static TopicSpec compacted(String name, int partitions) {
        return new TopicSpec(name, partitions, true, null);
    }
}
