package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The split and the ranking metrics on hand-checked cases, plus TopN and the blend grid. */
class EvaluationTest {

    @Test
    void stratifiedSplitGivesEachUserTheRatioAndIsDeterministic() {
        InteractionsBuilder b = Interactions.builder();
        for (int u = 0; u < 10; u++) {
            for (int i = 0; i < 20 + u; i++) {
                b.add("u" + u, "i" + i, 1, Fixtures.T0);
            }
        }
        Interactions all = b.build();
        Evaluation.Split s = Evaluation.stratifiedSplit(all, 0.75, 42);
        for (int u = 0; u < all.userCount(); u++) {
            assertThat(s.train().userDegree(u)).isEqualTo(Math.round(0.75 * all.userDegree(u)));
            assertThat(s.train().userDegree(u) + s.test().userDegree(u)).isEqualTo(all.userDegree(u));
            for (int p = s.test().rowStart(u); p < s.test().rowEnd(u); p++) {
                assertThat(s.train().contains(u, s.test().itemAt(p))).isFalse();
            }
        }
        Evaluation.Split again = Evaluation.stratifiedSplit(all, 0.75, 42);
        assertThat(again.test().history(3).items()).containsExactly(s.test().history(3).items());
        Evaluation.Split other = Evaluation.stratifiedSplit(all, 0.75, 7);
        assertThat(other.test().history(3).items()).isNotEqualTo(s.test().history(3).items());
    }

    @Test
    void metricsOfAHandRankedList() {
        // One user, test = {a, b, c}; ranking puts a at 1, c at 3, b outside the top 3.
        Interactions all = Fixtures.pairs("u:a", "u:b", "u:c", "u:x", "u:y", "u:z");
        int a = all.itemIndex("a");
        int b = all.itemIndex("b");
        int c = all.itemIndex("c");
        Interactions test = all.select(p -> all.itemAt(p) == a || all.itemAt(p) == b || all.itemAt(p) == c);
        Interactions train = all.select(p -> false);
        Evaluation.Split split = new Evaluation.Split(train, test, 0.5, 0);
        double[] ranking = new double[all.itemCount()];
        ranking[a] = 3;
        ranking[all.itemIndex("x")] = 2;
        ranking[c] = 1;
        Evaluation.Metrics m = Evaluation.metrics(split, 3, (u, out) -> System.arraycopy(ranking, 0, out, 0, 6));
        double dcg = 1 + 1 / log2(4);
        double idcg = 1 + 1 / log2(3) + 1 / log2(4);
        assertThat(m.ndcg()).isCloseTo(dcg / idcg, within(1e-12));
        assertThat(m.precision()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.recall()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(m.map()).isCloseTo((1 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.coverage()).isCloseTo(3.0 / 6, within(1e-12));
        assertThat(m.users()).isEqualTo(1);
    }

    @Test
    void trainItemsAreNeverRanked() {
        Interactions all = Fixtures.pairs("u:a", "u:b", "v:a");
        Evaluation.Split split = new Evaluation.Split(all.select(p -> all.itemAt(p) == 0), all.select(
                p -> all.itemAt(p) == 1), 0.5, 0);
        // A scorer that loves the train item a: it must be skipped, so b is hit at rank 1.
        Evaluation.Metrics m = Evaluation.metrics(split, 1, (u, out) -> {
            out[0] = 10;
            out[1] = 1;
        });
        assertThat(m.ndcg()).isEqualTo(1);
    }

    @Test
    void topNBreaksTiesByIndexAndSkipsExcluded() {
        List<ScoredItem> top = TopN.of(new double[] {1, 3, 3, Double.NaN, 2}, 3, i -> i == 4);
        assertThat(top).extracting(ScoredItem::item).containsExactly(1, 2, 0);
    }

    @Test
    void blendSearchGridCoversTheSimplex() {
        List<double[]> grid = BlendSearch.simplex(3, 4);
        assertThat(grid).hasSize(15);
        assertThat(grid).allSatisfy(w -> assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12)));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
