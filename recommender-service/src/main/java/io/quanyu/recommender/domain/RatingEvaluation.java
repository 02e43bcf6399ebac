package io.quanyu.recommender.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** The rating-prediction protocol: MovieLens' u1..u5 folds by line position, random hold-outs, RMSE and MAE. */
public final class RatingEvaluation {

    private RatingEvaluation() {
    }

    /** Train and test ratings, in the order they came. */
    public record Split(List<RatingsFile.Rating> train, List<RatingsFile.Rating> test) {
    }

    /**
     * Errors of one predictor on a test list. {@code unknownUsers} and {@code unknownItems} count test ratings whose
     * user or item never occurs in train, which the predictor answered from what it had.
     */
    public record Errors(double rmse, double mae, int count, int unknownUsers, int unknownItems) {
        public String summary() {
            return String.format(Locale.ROOT, "RMSE %.4f / MAE %.4f over %,d ratings", rmse, mae, count);
        }
    }

    /**
     * Fold {@code f} (0-based) of {@code folds} as MovieLens' {@code mku.sh} cuts {@code u.data}: test is the f-th
     * contiguous block of lines ({@code u1.test} the first 20,000 of 100,000), train the rest, line order kept.
     */
    public static Split fold(List<RatingsFile.Rating> fileOrder, int folds, int f) {
        if (folds < 2 || f < 0 || f >= folds) {
            throw new IllegalArgumentException("fold " + f + " of " + folds);
        }
        int n = fileOrder.size();
        int from = (int) ((long) f * n / folds);
        int to = (int) ((long) (f + 1) * n / folds);
        List<RatingsFile.Rating> train = new ArrayList<>(n - (to - from));
        train.addAll(fileOrder.subList(0, from));
        train.addAll(fileOrder.subList(to, n));
        return new Split(List.copyOf(train), List.copyOf(fileOrder.subList(from, to)));
    }

    /** A random {@code testShare} of the ratings as test (seeded shuffle), the rest as train. */
    public static Split holdout(List<RatingsFile.Rating> ratings, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("testShare must be in (0, 1): " + testShare);
        }
        List<RatingsFile.Rating> shuffled = new ArrayList<>(ratings);
        Collections.shuffle(shuffled, new Random(seed));
        int nTest = (int) Math.round(testShare * shuffled.size());
        return new Split(List.copyOf(shuffled.subList(nTest, shuffled.size())),
                List.copyOf(shuffled.subList(0, nTest)));
    }

    /** Test ratings with their ids mapped through a training dictionary (-1 for unseen), for repeated scoring. */
    public record Indexed(int[] users, int[] items, double[] ratings) {
    }

    public static Indexed index(RatingTriples train, List<RatingsFile.Rating> test) {
        int n = test.size();
        int[] users = new int[n];
        int[] items = new int[n];
        double[] ratings = new double[n];
        for (int p = 0; p < n; p++) {
            RatingsFile.Rating r = test.get(p);
            users[p] = train.userIndex(r.userId());
            items[p] = train.itemIndex(r.itemId());
            ratings[p] = r.rating();
        }
        return new Indexed(users, items, ratings);
    }

    /** Test ids are mapped through the predictor's training dictionaries; unseen ones reach it as index -1. */
    public static Errors errors(RatingPredictor predictor, List<RatingsFile.Rating> test) {
        return errors(predictor, index(predictor.train(), test));
    }

    /** {@code test} must have been indexed against the predictor's training ratings. */
    public static Errors errors(RatingPredictor predictor, Indexed test) {
        double se = 0;
        double ae = 0;
        int unknownUsers = 0;
        int unknownItems = 0;
        int n = test.ratings().length;
        for (int p = 0; p < n; p++) {
            int u = test.users()[p];
            int i = test.items()[p];
            unknownUsers += u < 0 ? 1 : 0;
            unknownItems += i < 0 ? 1 : 0;
            double e = test.ratings()[p] - predictor.predict(u, i);
            se += e * e;
            ae += Math.abs(e);
        }
        return new Errors(n == 0 ? Double.NaN : Math.sqrt(se / n), n == 0 ? Double.NaN : ae / n, n, unknownUsers,
                unknownItems);
    }
}
