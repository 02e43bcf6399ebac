package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/**
 * A record one consumer could not apply, on {@code events.deadletter.v1}: which consumer, where the record was read
 * (topic, partition, offset), why, and the record itself, so it can be re-driven through the same consumer after a fix.
 * Only that consumer skipped it; every other reader of the topic applied it (or parked it on its own).
 *
 * @param consumer the consumer that parked it: its group id, or its client id for a feed without a group
 * @param service the service running that consumer
 * @param reason {@link #UNDECODABLE} or {@link #UNAPPLICABLE}
 * @param detail what was wrong, in one line
 * @param error the exception class that refused it, when one did
 * @param key the record's key bytes (base64 in JSON), when it had one
 * @param value the record's value bytes (base64 in JSON); absent for a tombstone
 * @param attempts 1 when first parked, one more each time a re-drive parks it again
 */
public record DeadLetter(
        @Required String consumer,
        @Required String service,
        @Required String sourceTopic,
        @Required Integer sourcePartition,
        @Required Long sourceOffset,
        @Required String reason,
        @Required String detail,
        String error,
        byte[] key,
        byte[] value,
        @Required Instant parkedAt,
        @Required Integer attempts) {

    /** Not a valid record of the topic's contract: decoding or validation refused it. */
    public static final String UNDECODABLE = "undecodable";
    /** Valid, but applying it failed for what it contains (a data error), alone and every time. */
    public static final String UNAPPLICABLE = "unapplicable";
}
