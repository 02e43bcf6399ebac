package io.quanyu.recommender.domain;

/**
 * A model of explicit ratings fitted on {@link RatingTriples}: any user's rating of any item, on the training scale.
 * Users or items not seen in training (index -1, or beyond the training counts) get what the model knows without
 * them, at worst the global mean, never an exception.
 */
public interface RatingPredictor {

    /** The ratings the model was fitted on, for their id ↔ index maps and rating scale. */
    RatingTriples train();

    /** Predicted rating, clipped to the training scale; indexes are those of {@link #train()}, -1 for unknown. */
    double predict(int user, int item);

    default double predict(String userId, String itemId) {
        return predict(train().userIndex(userId), train().itemIndex(itemId));
    }

    /** The floor every model must beat: the training mean for everyone. */
    static RatingPredictor globalMean(RatingTriples train) {
        double mean = train.mean();
        return new RatingPredictor() {
            @Override
            public RatingTriples train() {
                return train;
            }

            @Override
            public double predict(int user, int item) {
                return mean;
            }
        };
    }

    /** Whether {@code index} names a row of a model fitted with {@code count} of them. */
    static boolean known(int index, int count) {
        return index >= 0 && index < count;
    }
}
