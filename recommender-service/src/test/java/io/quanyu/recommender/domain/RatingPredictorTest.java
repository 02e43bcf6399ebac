package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.recommender.domain.RatingEvaluation.Split;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rating predictors on synthetic ratings generated from known biases and low-rank factors. */
class RatingPredictorTest {

    static final int USERS = 200;
    static final int ITEMS = 100;
    static final double MU = 3.5;

    /** Ratings generated as μ + b_u + b_i + p_u·q_i + noise, with the noiseless truth kept per rating. */
    record Synthetic(List<RatingsFile.Rating> ratings, double[] truth, double[] userBias, double[] itemBias) {
    }

    /** Each user rates each item with probability {@code density}; {@code rank} 0 means biases only. */
    static Synthetic synthetic(int rank, double factorSd, double noiseSd, double density, long seed) {
        Random rnd = new Random(seed);
        double[] bu = new double[USERS];
        double[] bi = new double[ITEMS];
        double[][] p = new double[USERS][rank];
        double[][] q = new double[ITEMS][rank];
        for (int u = 0; u < USERS; u++) {
            bu[u] = 0.5 * rnd.nextGaussian();
            for (int f = 0; f < rank; f++) {
                p[u][f] = factorSd * rnd.nextGaussian();
            }
        }
        for (int i = 0; i < ITEMS; i++) {
            bi[i] = 0.5 * rnd.nextGaussian();
            for (int f = 0; f < rank; f++) {
                q[i][f] = factorSd * rnd.nextGaussian();
            }
        }
        List<RatingsFile.Rating> ratings = new ArrayList<>();
        List<Double> truth = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            for (int i = 0; i < ITEMS; i++) {
                if (rnd.nextDouble() < density) {
                    double t = MU + bu[u] + bi[i];
                    for (int f = 0; f < rank; f++) {
                        t += p[u][f] * q[i][f];
                    }
                    truth.add(t);
                    ratings.add(new RatingsFile.Rating("u" + u, "i" + i, t + noiseSd * rnd.nextGaussian(), 0));
                }
            }
        }
        // Shuffled so that fold(…) by line position is a random split, as it is on u.data.
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < ratings.size(); k++) {
            order.add(k);
        }
        Collections.shuffle(order, rnd);
        return new Synthetic(order.stream().map(ratings::get).toList(),
                order.stream().mapToDouble(truth::get).toArray(), bu, bi);
    }

    /** RMSE of the predictor against the noiseless truth of the test part (the last fifth of the lines). */
    static double truthRmse(RatingPredictor model, Synthetic data) {
        int from = data.ratings().size() * 4 / 5;
        double se = 0;
        for (int k = from; k < data.ratings().size(); k++) {
            RatingsFile.Rating r = data.ratings().get(k);
            double e = model.predict(r.userId(), r.itemId()) - data.truth()[k];
            se += e * e;
        }
        return Math.sqrt(se / (data.ratings().size() - from));
    }

    static RatingTriples trainPart(Synthetic data) {
        return RatingTriples.of(RatingEvaluation.fold(data.ratings(), 5, 4).train());
    }

    @Test
    void baselineRecoversKnownBiases() {
        Synthetic data = synthetic(0, 0, 0.3, 0.5, 1);
        RatingTriples train = trainPart(data);
        BaselinePredictor model = BaselinePredictor.fit(train, new BaselinePredictor.Config(1, 1, 10));
        // The split between μ and the biases is not identified; differences between users (items) are.
        for (int u = 1; u < USERS; u++) {
            double fitted = model.userBias(train.userIndex("u" + u)) - model.userBias(train.userIndex("u0"));
            assertThat(fitted).isCloseTo(data.userBias()[u] - data.userBias()[0], within(0.2));
        }
        assertThat(truthRmse(model, data)).isLessThan(0.08);
        assertThat(truthRmse(RatingPredictor.globalMean(train), data)).isGreaterThan(0.5);
    }

    @Test
    void matrixFactorisationRecoversALowRankSignalTheBaselineCannot() {
        Synthetic data = synthetic(3, 0.6, 0.1, 0.4, 2);
        RatingTriples train = trainPart(data);
        double baseline = truthRmse(BaselinePredictor.fit(train, new BaselinePredictor.Config(1, 1, 10)), data);
        BiasedMf mf = BiasedMf.fit(train, new BiasedMf.Config(5, 150, 0.01, 0.02, 0.01, 7));
        double rmse = truthRmse(mf, data);
        assertThat(baseline).as("the interaction term is what is left to learn").isGreaterThan(0.3);
        assertThat(rmse).isLessThan(0.15).isLessThan(baseline / 3);
    }

    @Test
    void itemKnnBaselineUsesNeighboursToBeatTheBaseline() {
        Synthetic data = synthetic(2, 0.7, 0.1, 0.5, 3);
        RatingTriples train = trainPart(data);
        BaselinePredictor.Config b = new BaselinePredictor.Config(1, 1, 10);
        ItemKnnBaseline knn = ItemKnnBaseline.fit(train, new ItemKnnBaseline.Config(30, 10, 1000, b));
        assertThat(truthRmse(knn, data)).isLessThan(0.8 * truthRmse(BaselinePredictor.fit(train, b), data));
        int i0 = train.itemIndex("i0");
        for (int j = 0; j < train.itemCount(); j++) {
            assertThat(knn.similarity(i0, j)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void unknownUsersAndItemsFallBackToBiasesAndTheMean() {
        // Everyone rates "good" 5 and "bad" 1; "mid" gets 3.
        List<RatingsFile.Rating> ratings = new ArrayList<>();
        for (int u = 0; u < 30; u++) {
            ratings.add(new RatingsFile.Rating("u" + u, "good", 5, 0));
            ratings.add(new RatingsFile.Rating("u" + u, "bad", 1, 0));
            ratings.add(new RatingsFile.Rating("u" + u, "mid", 3, 0));
        }
        RatingTriples train = RatingTriples.of(ratings);
        BaselinePredictor.Config b = new BaselinePredictor.Config(5, 1, 10);
        List<RatingPredictor> models = List.of(BaselinePredictor.fit(train, b),
                BiasedMf.fit(train, new BiasedMf.Config(4, 30, 0.02, 0.05, 0.01, 1)),
                ItemKnnBaseline.fit(train, new ItemKnnBaseline.Config(10, 10, 100, b)));
        for (RatingPredictor m : models) {
            assertThat(m.predict("stranger", "good")).isGreaterThan(4.5);
            assertThat(m.predict("stranger", "bad")).isLessThan(1.5);
            assertThat(m.predict("stranger", "unheard-of")).isCloseTo(train.mean(), within(1e-9));
            assertThat(m.predict(train.userCount() + 5, -1)).isCloseTo(train.mean(), within(1e-9));
            assertThat(m.predict("u0", "unheard-of")).isCloseTo(train.mean(), within(0.2));
        }
    }

    @Test
    void predictionsAreClippedToTheTrainingScale() {
        // A generous user (all 5s) rating the best item: μ + b_u + b_i is well above 5 without clipping.
        List<RatingsFile.Rating> ratings = new ArrayList<>();
        for (int k = 0; k < 20; k++) {
            ratings.add(new RatingsFile.Rating("generous", "i" + k, 5, 0));
            ratings.add(new RatingsFile.Rating("u" + k, "best", 5, 0));
            ratings.add(new RatingsFile.Rating("u" + k, "i" + k, 1, 0));
        }
        RatingTriples train = RatingTriples.of(ratings);
        BaselinePredictor baseline = BaselinePredictor.fit(train, new BaselinePredictor.Config(0, 0, 10));
        int user = train.userIndex("generous");
        int item = train.itemIndex("best");
        assertThat(baseline.baseline(user, item)).isGreaterThan(5.5);
        assertThat(baseline.predict(user, item)).isEqualTo(5.0);
        BiasedMf mf = BiasedMf.fit(train, new BiasedMf.Config(2, 50, 0.05, 0, 0, 3));
        for (int u = 0; u < train.userCount(); u++) {
            for (int i = 0; i < train.itemCount(); i++) {
                assertThat(mf.predict(u, i)).isBetween(1.0, 5.0);
            }
        }
    }

    @Test
    void matrixFactorisationIsDeterministicForASeed() {
        RatingTriples train = trainPart(synthetic(2, 0.5, 0.2, 0.3, 4));
        BiasedMf.Config c = new BiasedMf.Config(4, 10, 0.01, 0.05, 0.02, 11);
        BiasedMf a = BiasedMf.fit(train, c);
        BiasedMf b = BiasedMf.fit(train, c);
        BiasedMf other = BiasedMf.fit(train, new BiasedMf.Config(4, 10, 0.01, 0.05, 0.02, 12));
        boolean differs = false;
        for (int u = 0; u < 20; u++) {
            for (int i = 0; i < 20; i++) {
                assertThat(a.predict(u, i)).isEqualTo(b.predict(u, i));
                differs |= a.predict(u, i) != other.predict(u, i);
            }
        }
        assertThat(differs).isTrue();
    }

    @Test
    void earlyStoppingListenerSeesEveryEpochAndCanStop() {
        RatingTriples train = trainPart(synthetic(2, 0.5, 0.2, 0.3, 5));
        List<Integer> seen = new ArrayList<>();
        BiasedMf.fit(train, new BiasedMf.Config(4, 20, 0.01, 0.05, 0.02, 1), (epoch, m) -> {
            seen.add(epoch);
            return epoch < 7;
        });
        assertThat(seen).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void foldsCutContiguousBlocksOfLinesLikeMkuSh() {
        List<RatingsFile.Rating> lines = new ArrayList<>();
        for (int k = 0; k < 103; k++) {
            lines.add(new RatingsFile.Rating("u" + k % 7, "i" + k, 1 + k % 5, k));
        }
        Split u1 = RatingEvaluation.fold(lines, 5, 0);
        assertThat(u1.test()).isEqualTo(lines.subList(0, 20));
        assertThat(u1.train()).isEqualTo(lines.subList(20, 103));
        List<RatingsFile.Rating> allTests = new ArrayList<>();
        for (int f = 0; f < 5; f++) {
            Split s = RatingEvaluation.fold(lines, 5, f);
            assertThat(s.train().size() + s.test().size()).isEqualTo(103);
            assertThat(s.train()).doesNotContainAnyElementsOf(s.test());
            allTests.addAll(s.test());
        }
        assertThat(allTests).isEqualTo(lines);
        Split holdout = RatingEvaluation.holdout(lines, 0.2, 9);
        assertThat(holdout.test()).hasSize(21).doesNotContainAnyElementsOf(holdout.train());
        assertThat(holdout.test()).isNotEqualTo(lines.subList(0, 21));
    }

    @Test
    void errorsAreRootMeanSquareAndMeanAbsolute() {
        RatingTriples train = RatingTriples.of(List.of(new RatingsFile.Rating("a", "x", 1, 0),
                new RatingsFile.Rating("b", "y", 5, 0)));
        RatingPredictor mean = RatingPredictor.globalMean(train); // always 3
        RatingEvaluation.Errors e = RatingEvaluation.errors(mean, List.of(new RatingsFile.Rating("a", "y", 3, 0),
                new RatingsFile.Rating("c", "x", 5, 0), new RatingsFile.Rating("a", "z", 4, 0)));
        assertThat(e.rmse()).isCloseTo(Math.sqrt((0 + 4 + 1) / 3.0), within(1e-12));
        assertThat(e.mae()).isCloseTo((0 + 2 + 1) / 3.0, within(1e-12));
        assertThat(e.unknownUsers()).isEqualTo(1);
        assertThat(e.unknownItems()).isEqualTo(1);
    }
}
