package io.quanyu.recommender.domain;

/** A model whose score is the inner product of a user vector and an item vector, so it can be searched by a {@link FactorIndex}. */
public interface FactorScorer extends Scorer {

    /** Length of the user and item vectors. */
    int dimensions();

    /** Every item's vector, item-major ({@link #dimensions()} floats per item): a copy. */
    float[] itemVectors();

    /** A training user's fitted vector. */
    double[] userVector(int user);

    /** The vector of any live history, folded in against the frozen item vectors. */
    double[] userVector(History history);
}
