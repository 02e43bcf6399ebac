package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.util.List;

/**
 * The fields of a {@code profile.updates.v1} value (key = customer id; a tombstone when the customer was merged into
 * another or erased) that other services may rely on. The published portrait carries more; readers ignore the rest.
 *
 * @param customerId       canonical customer id, the record key
 * @param userId           the login id, when the customer has logged in
 * @param keys             every user key linked to the customer (the subjects of its events)
 * @param segments         ids of the segments the customer is in
 * @param preferredChannel the channel with most of the customer's events
 * @param lifecycle        new, active, at_risk or lost
 * @param purchasePropensity probability of a purchase within the profile model's horizon (null until modelled)
 * @param churnRisk        probability of no activity within that horizon (null until modelled)
 */
public record ProfileDigest(@Required String customerId, String userId, List<String> keys, List<String> segments,
                            String preferredChannel, String lifecycle, Double purchasePropensity, Double churnRisk) {

    public ProfileDigest {
        keys = keys == null ? List.of() : List.copyOf(keys);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
