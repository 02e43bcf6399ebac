package io.quanyu.recommender.domain;

import java.util.Set;
import java.util.function.IntPredicate;

/**
 * What a caller asks {@link HybridRecommender} for.
 *
 * @param n           how many items
 * @param exclude     item ids never to return (already in the cart, ...)
 * @param category    only items of this category, or {@code null}
 * @param excludeSeen drop items the user already interacted with
 * @param eligible    item indices that may be returned at all (in stock, ...), or {@code null} for every item
 * @param audience    whose popularity fills in for thin histories, or {@code null} for the global one
 */
public record RecommendationRequest(int n, Set<String> exclude, String category, boolean excludeSeen,
                                    IntPredicate eligible, Audience audience) {

    public RecommendationRequest {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    }

    public static RecommendationRequest top(int n) {
        return new RecommendationRequest(n, Set.of(), null, true, null, null);
    }

    public RecommendationRequest excluding(Set<String> ids) {
        return new RecommendationRequest(n, ids, category, excludeSeen, eligible, audience);
    }

    public RecommendationRequest inCategory(String c) {
        return new RecommendationRequest(n, exclude, c, excludeSeen, eligible, audience);
    }

    public RecommendationRequest onlyIf(IntPredicate itemEligible) {
        return new RecommendationRequest(n, exclude, category, excludeSeen, itemEligible, audience);
    }

    public RecommendationRequest forAudience(Audience a) {
        return new RecommendationRequest(n, exclude, category, excludeSeen, eligible, a);
    }

    /** The same request for {@code count} items. */
    public RecommendationRequest withN(int count) {
        return new RecommendationRequest(count, exclude, category, excludeSeen, eligible, audience);
    }
}
