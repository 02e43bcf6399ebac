package io.quanyu.recommender.domain;

/**
 * Whose popularity stands in for a customer with little or no history: a segment's, a channel's or everyone's,
 * with the words reasons use for it ("popular in segment vip", "popular on app").
 */
public record Audience(String label, Popularity popularity) {

    public Audience {
        if (label == null || label.isBlank() || popularity == null) {
            throw new IllegalArgumentException("an audience needs a label and a popularity");
        }
    }
}
