package io.quanyu.recommender.domain;

/** An item index with its score; the unit every ranking in this package returns. */
public record ScoredItem(int item, double score) {
}
