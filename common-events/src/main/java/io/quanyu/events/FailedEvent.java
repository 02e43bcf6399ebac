package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/**
 * An input the suite could not accept, on {@code events.failed.v1}: the reason, and the original bytes so
 * it can be fixed and replayed to its raw topic.
 */
public record FailedEvent(
        @Required ReasonCode reasonCode,
        @Required String detail,
        String channel,
        @Required byte[] raw,
        @Required Instant failedAt,
        String sourceTopic,
        Integer sourcePartition,
        Long sourceOffset) {

    public static FailedEvent of(ReasonCode code, String detail, Channel channel, byte[] raw, Instant failedAt) {
        return new FailedEvent(code, detail, channel == null ? null : channel.wire(), raw, failedAt, null, null, null);
    }

    /** The same failure with where it was read from, for replay tooling. */
    public FailedEvent at(String topic, int partition, long offset) {
        return new FailedEvent(reasonCode, detail, channel, raw, failedAt, topic, partition, offset);
    }
}
