package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.recommender.domain.RatingEvaluation.Errors;
import io.quanyu.recommender.domain.RatingEvaluation.Split;
import io.quanyu.testkit.replay.MovieLensData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rating prediction on MovieLens-100K's u1 split (the first 20,000 lines of u.data as test), with the hyperparameters
 * {@link RatingPredictionReport} chose on the u1 validation split (a random 20 % of u1's train part, seed 42), fixed
 * here so that the test need not repeat the search. Surprise's 5-fold figures for comparison: SVD 0.934,
 * KNNBaseline 0.931, BaselineOnly 0.944.
 */
class MovieLensRatingPredictionTest {

    static final BaselinePredictor.Config BASELINE = new BaselinePredictor.Config(5, 2, 10);
    static final BiasedMf.Config MF = new BiasedMf.Config(100, 40, 0.01, 0.1, 0.02,
            RecommenderEvaluationHarness.DEFAULT_SEED);
    static final ItemKnnBaseline.Config KNN = new ItemKnnBaseline.Config(40, 200, 1_000, BASELINE);

    @Test
    void matrixFactorisationBeatsTheBaselineOnU1() {
        Path dir = Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data"));
        Path file = dir.resolve(MovieLensData.DIR_NAME).resolve("u.data");
        assumeTrue(Files.isRegularFile(file), "no MovieLens data");
        List<RatingsFile.Rating> lines = RatingsFile.read(file);
        Split u1 = RatingEvaluation.fold(lines, 5, 0);
        assertThat(u1.test()).hasSize(20_000).first().isEqualTo(lines.getFirst());
        assertThat(u1.train()).hasSize(80_000);

        RatingTriples train = RatingTriples.of(u1.train());
        Errors mean = RatingEvaluation.errors(RatingPredictor.globalMean(train), u1.test());
        Errors baseline = RatingEvaluation.errors(BaselinePredictor.fit(train, BASELINE), u1.test());
        Errors mf = RatingEvaluation.errors(BiasedMf.fit(train, MF), u1.test());
        Errors knn = RatingEvaluation.errors(ItemKnnBaseline.fit(train, KNN), u1.test());
        System.out.printf("u1: global mean %s%n    baseline %s%n    MF %s%n    kNN-baseline %s%n", mean.summary(),
                baseline.summary(), mf.summary(), knn.summary());

        assertThat(baseline.rmse()).isLessThan(mean.rmse() - 0.1);
        assertThat(mf.rmse()).isLessThan(0.945).isLessThan(baseline.rmse() - 0.01);
        assertThat(mf.mae()).isLessThan(baseline.mae());
        assertThat(knn.rmse()).isLessThan(baseline.rmse());
    }
}
