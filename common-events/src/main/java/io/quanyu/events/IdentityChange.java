package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/**
 * A change of the identity graph on {@code profile.identity.v1} (key = customer id): a key {@code linked} to a
 * customer, or a customer {@code merged} into another ({@code mergedFrom} is the id that disappears).
 */
public record IdentityChange(@Required String type, @Required String customerId, String key, String mergedFrom, Instant at) {

    public static final String LINKED = "linked";
    public static final String MERGED = "merged";
}
