package io.quanyu.recommender.domain;

import java.util.List;
import java.util.function.IntPredicate;

/** A fitted model that scores every item for a training user or for any live {@link History}. */
public interface Scorer {

    /** Number of items scored, i.e. the item count of the training {@link Interactions}. */
    int itemCount();

    /**
     * Overwrites {@code out} (length {@link #itemCount()}) with scores for training user {@code user}. Scores compare
     * within one call only; implementations are read-only after fitting and safe for concurrent calls.
     */
    void score(int user, double[] out);

    /** Overwrites {@code out} with scores for an arbitrary history: a new user, or a known one with fresh events. */
    void score(History history, double[] out);

    /** The n best items for a training user that {@code exclude} does not reject. */
    default List<ScoredItem> recommend(int user, int n, IntPredicate exclude) {
        double[] s = new double[itemCount()];
        score(user, s);
        return TopN.of(s, n, exclude);
    }
}
