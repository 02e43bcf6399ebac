package io.quanyu.ingestion.domain;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quanyu.events.Channel;
import java.util.List;

/** Turns one raw message of a channel's own format into outcomes; adding a channel means adding one of these. */
public interface ChannelAdapter {

    Channel channel();

    /**
     * Normalizes a parsed message (already scrubbed of raw personal data). Refuses with a
     * {@link Rejected} for the whole message, or returns per-item failures for batches.
     */
    List<Outcome> adapt(ObjectNode message, AdapterContext context);
}
