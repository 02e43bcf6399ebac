package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.recommender.domain.Evaluation.Result;
import io.quanyu.recommender.domain.RecommenderEvaluationHarness.Options;
import io.quanyu.recommender.domain.RecommenderEvaluationHarness.Report;
import io.quanyu.testkit.replay.MovieLensData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every model on MovieLens-100K under the Microsoft Recommenders benchmark protocol, tuned on validation only; the
 * protocol, the grids and the printing live in {@link RecommenderEvaluationHarness}, which runs on other logs too.
 */
class MovieLensRecommenderEvaluationTest {

    static final long SEED = RecommenderEvaluationHarness.DEFAULT_SEED;
    static final long VALIDATION_SEED = SEED + 1;
    static final int K = RecommenderEvaluationHarness.DEFAULT_K;

    @Test
    void modelsUnderTheBenchmarkProtocol() {
        Path dir = Path.of(System.getProperty("quanyu.data.dir", "/work/shared/data"));
        Path ratings = dir.resolve(MovieLensData.DIR_NAME).resolve("u.data");
        assumeTrue(Files.isRegularFile(ratings), "no MovieLens data");
        Report report = RecommenderEvaluationHarness.run(new Options(ratings, SEED, K, false), System.out);

        assertThat(report.split().train().size() + report.split().test().size()).isEqualTo(100_000);
        assertThat(report.popularity().metrics().users()).isEqualTo(943);
        assertThat(report.content()).as("u.item next to u.data gives the content model its text").isNotNull();
        for (Result r : List.of(report.itemKnn(), report.userKnn(), report.als(), report.alsFoldIn(), report.bpr(),
                report.hybrid())) {
            assertThat(r.metrics().ndcg()).as(r.model() + " beats popularity")
                    .isGreaterThan(report.popularity().metrics().ndcg());
        }
        double best = report.results().stream().mapToDouble(r -> r.metrics().ndcg()).max().orElseThrow();
        assertThat(best).isGreaterThan(0.35);
        // Fold-in is one more exact solve against the final item factors: it must rank about as well as training.
        assertThat(Math.abs(report.alsFoldIn().metrics().ndcg() - report.als().metrics().ndcg())).isLessThan(0.03);
    }
}
