package io.quanyu.recommender.domain;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.recommender.domain.Evaluation.Split;
import io.quanyu.testkit.replay.MovieLensData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** The offline validation-split searches behind MovieLensRecommenderEvaluationTest's constants; opt-in. */
@EnabledIfSystemProperty(named = "quanyu.tuning", matches = "true")
class MovieLensTuningTest {

    // Validation only: the train part of the seed-42 split, split again with seed 43. Minutes long, hence opt-in
    // with -Dquanyu.tuning=true.
    @Test
    void gridsOnTheValidationSplit() {
        Path dir = Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data"));
        assumeTrue(Files.isRegularFile(dir.resolve(MovieLensData.DIR_NAME).resolve("u.data")), "no MovieLens data");
        Interactions all = RecommenderEvaluationHarness.load(dir.resolve(MovieLensData.DIR_NAME).resolve("u.data"))
                .interactions();
        Split split = Evaluation.stratifiedSplit(all, 0.75, MovieLensRecommenderEvaluationTest.SEED);
        Split validation = Evaluation.stratifiedSplit(split.train(), 0.75,
                MovieLensRecommenderEvaluationTest.VALIDATION_SEED);

        List<Recommender> als = new ArrayList<>();
        for (int k : new int[] {64, 128}) {
            for (double alpha : new double[] {2, 5, 10, 20}) {
                for (double reg : new double[] {30, 60, 120, 250}) {
                    als.add(ImplicitAls.recommender(new ImplicitAls.Config(k, 15, alpha, reg, 3, 42)));
                }
            }
        }
        for (double alpha : new double[] {7, 10, 14}) {
            for (double reg : new double[] {40, 60, 80}) {
                als.add(ImplicitAls.recommender(new ImplicitAls.Config(64, 15, alpha, reg, 3, 42)));
            }
        }
        als.add(ImplicitAls.recommender(new ImplicitAls.Config(64, 30, 10, 60, 3, 42)));
        als.add(ImplicitAls.recommender(new ImplicitAls.Config(64, 15, 10, 60, 6, 42)));
        report("ALS", als, validation);

        List<Recommender> bpr = new ArrayList<>();
        for (int k : new int[] {64, 128, 200}) {
            for (double lr : new double[] {0.01, 0.03, 0.05}) {
                for (double reg : new double[] {0.001, 0.003, 0.01}) {
                    for (int epochs : new int[] {100, 200}) {
                        bpr.add(Bpr.recommender(new Bpr.Config(k, epochs, lr, reg, 42)));
                    }
                }
            }
        }
        bpr.add(Bpr.recommender(new Bpr.Config(200, 200, 0.01, 0.02, 42)));
        bpr.add(Bpr.recommender(new Bpr.Config(200, 200, 0.01, 0.03, 42)));
        bpr.add(Bpr.recommender(new Bpr.Config(200, 200, 0.02, 0.02, 42)));
        report("BPR", bpr, validation);

        List<Recommender> knn = new ArrayList<>();
        for (ItemKnn.Similarity s : ItemKnn.Similarity.values()) {
            for (int k : new int[] {50, 100, 200, 2000}) {
                knn.add(ItemKnn.recommender(ItemKnn.Config.of(s, k)));
            }
        }
        for (Duration h : new Duration[] {Duration.ofDays(30), Duration.ofDays(180)}) {
            knn.add(ItemKnn.recommender(ItemKnn.Config.of(ItemKnn.Similarity.COSINE, 200).withHalfLife(h)));
        }
        report("ItemKnn", knn, validation);
    }

    private static void report(String family, List<Recommender> candidates, Split validation) {
        List<Evaluation.Result> results = new ArrayList<>();
        for (Recommender r : candidates) {
            Evaluation.Result res = Evaluation.evaluate(r, validation);
            System.out.println("  " + res.line());
            results.add(res);
        }
        Evaluation.Result best = results.stream().max(Comparator.comparingDouble(r -> r.metrics().ndcg()))
                .orElseThrow();
        System.out.println(family + " best on validation: " + best.line());
    }
}
