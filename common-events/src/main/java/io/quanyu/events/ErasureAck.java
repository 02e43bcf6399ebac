package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/** A service's acknowledgement on {@code privacy.erasure.acks.v1} (key = customer id) that it erased a customer. */
public record ErasureAck(@Required String customerId, @Required String service, @Required Instant erasedAt, int rowsDeleted) {
}
