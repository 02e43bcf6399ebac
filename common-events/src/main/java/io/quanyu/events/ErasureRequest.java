package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * A customer's erasure on {@code privacy.erasure.v1} (key = customer id): every service that stores personal
 * data deletes what it holds under any of {@code keys}, then acknowledges with an {@link ErasureAck}.
 */
public record ErasureRequest(@Required String customerId, @Required List<String> keys, @Required Instant requestedAt,
                             @Required String requestedBy) {
}
