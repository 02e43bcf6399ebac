package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quanyu.recommender.domain.ChineseSegmentationComparison.Scores;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Jieba against dictionary-free bigrams on 5,000 real Chinese shopping reviews; see the comparison class. */
class ChineseSegmentationComparisonTest {

    @Test
    void jiebaFindsSameCategoryReviewsAtLeastAsWellAsBigramsWithASmallerVocabulary() {
        assumeTrue(Files.isRegularFile(ChineseSegmentationComparison.DEFAULT_FILE), "no online-shopping-zh data");
        List<ChineseSegmentationComparison.Review> sample = ChineseSegmentationComparison.sample(
                ChineseSegmentationComparison.read(ChineseSegmentationComparison.DEFAULT_FILE), 5_000, 42);
        List<Scores> scores = ChineseSegmentationComparison.compare(sample);
        scores.forEach(s -> System.out.println(s.line()));
        Scores jieba = scores.get(0);
        Scores bigrams = scores.get(1);

        assertThat(jieba.test()).isEqualTo(1_000);
        // Ten categories, the largest about 16 % of the reviews: these floors are far above guessing.
        assertThat(jieba.centroidAccuracy()).isGreaterThan(0.75);
        assertThat(jieba.nearestNeighbourAccuracy()).isGreaterThan(0.6);
        assertThat(jieba.precisionAt10()).isGreaterThan(0.55);
        assertThat(jieba.nearestNeighbourAccuracy()).isGreaterThanOrEqualTo(bigrams.nearestNeighbourAccuracy() - 0.01);
        assertThat(jieba.precisionAt10()).isGreaterThanOrEqualTo(bigrams.precisionAt10() - 0.01);
        assertThat(jieba.centroidAccuracy()).isGreaterThanOrEqualTo(bigrams.centroidAccuracy() - 0.02);
        assertThat(jieba.vocabulary()).isLessThan(bigrams.vocabulary() / 2);
    }
}
