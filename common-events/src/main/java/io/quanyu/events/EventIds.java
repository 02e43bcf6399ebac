package io.quanyu.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable event ids: a name-based UUID of the channel and the channel's own message id, so a redelivered
 * raw message always normalizes to the same id and downstream deduplication can rely on it.
 */
public final class EventIds {

    private EventIds() {
    }

    /**
     * The id of the event normalized from {@code messageId} of {@code channel}; {@code part} distinguishes
     * several events made from one message (lines of a batch, the identify beside a login), empty otherwise.
     */
    public static String of(Channel channel, String messageId, String part) {
        String name = channel.wire() + '\u0000' + messageId + (part == null || part.isEmpty() ? "" : '\u0000' + part);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static String of(Channel channel, String messageId) {
        return of(channel, messageId, "");
    }
}
