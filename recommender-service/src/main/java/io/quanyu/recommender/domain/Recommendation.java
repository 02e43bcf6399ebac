package io.quanyu.recommender.domain;

/** One recommended item: blended score, the component it owes most to, and a human-readable reason. */
public record Recommendation(String itemId, double score, Source source, String reason) {

    /** Which component a recommendation owes most to; CO_OCCURRENCE is the cold-start session counts' (before the first training). */
    public enum Source { ITEM_KNN, USER_KNN, MATRIX_FACTORIZATION, CONTENT, POPULARITY, CO_OCCURRENCE }
}
