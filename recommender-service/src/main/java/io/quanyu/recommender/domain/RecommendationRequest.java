package io.quanyu.recommender.domain;

import java.util.Set;

/**
 * What a caller asks {@link HybridRecommender} for.
 *
 * @param n           how many items
 * @param exclude     item ids never to return (already in the cart, out of stock, ...)
 * @param category    only items of this category, or {@code null}
 * @param excludeSeen drop items the user already interacted with
 */
public record RecommendationRequest(int n, Set<String> exclude, String category, boolean excludeSeen) {

    public RecommendationRequest {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0: " + n);
        }
        exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
    }

    public static RecommendationRequest top(int n) {
        return new RecommendationRequest(n, Set.of(), null, true);
    }

    public RecommendationRequest excluding(Set<String> ids) {
        return new RecommendationRequest(n, ids, category, excludeSeen);
    }

    public RecommendationRequest inCategory(String c) {
        return new RecommendationRequest(n, exclude, c, excludeSeen);
    }
}
