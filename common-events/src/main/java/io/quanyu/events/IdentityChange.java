package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;

/**
 * A change of the identity graph on {@code profile.identity.v1} (key = customer id): a key {@code linked} to a
 * customer; a customer {@code merged} into another ({@code mergedFrom} is the id that disappears); a
 * {@code conflict}, a link the graph refused because it would have joined {@code customerId} with another known
 * customer ({@code otherCustomerId}); a {@code hint}, a phone, e-mail or member-card link from an unverified
 * source, kept aside and not linked; a {@code split}, an admin moving keys out into customer {@code otherCustomerId}.
 * {@code reason} says why for conflicts and hints; {@code channel} is where the refused link came from.
 */
public record IdentityChange(@Required String type, @Required String customerId, String key, String mergedFrom, String otherCustomerId,
                             String reason, String channel, Instant at) {

    public static final String LINKED = "linked";
    public static final String MERGED = "merged";
    public static final String CONFLICT = "conflict";
    public static final String HINT = "hint";
    public static final String SPLIT = "split";

    /** A key linked to a customer. */
    public static IdentityChange linked(String customerId, String key, Instant at) {
        return new IdentityChange(LINKED, customerId, key, null, null, null, null, at);
    }

    /** Customer {@code from} merged into {@code into}. */
    public static IdentityChange merged(String into, String from, Instant at) {
        return new IdentityChange(MERGED, into, null, from, null, null, null, at);
    }
}
