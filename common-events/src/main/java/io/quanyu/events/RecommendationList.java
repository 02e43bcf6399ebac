package io.quanyu.events;

import io.quanyu.events.validation.Required;
import java.time.Instant;
import java.util.List;

/**
 * A customer's refreshed recommendations on {@code recommendations.v1} (compacted, key = customer id), published
 * for customers active since the previous publication, e.g. for e-mail and push campaigns.
 *
 * @param customerId     canonical customer id, the record key
 * @param items          best first
 * @param modelTrainedAt when the models that ranked them were trained
 * @param generatedAt    when the list was computed (live events up to then are folded in)
 */
public record RecommendationList(@Required String customerId, @Required List<Item> items, Instant modelTrainedAt,
                                 @Required Instant generatedAt) {

    /** One recommended item with its blended score, the model it owes most to and the reason in words. */
    public record Item(@Required String itemId, double score, String source, String reason) {
    }

    public RecommendationList {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
