package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** User-kNN: the most similar user's items win, self-exclusion, live histories. */
class UserKnnTest {

    private final Interactions data = Fixtures.pairs(
            "me:a", "me:b", "me:c",
            "twin:a", "twin:b", "twin:c", "twin:d",
            "other:x", "other:y", "other:e");

    @Test
    void recommendsWhatTheMostSimilarUserHas() {
        UserKnn knn = UserKnn.fit(data, new UserKnn.Config(1, 1));
        int me = data.userIndex("me");
        List<ScoredItem> top = knn.recommend(me, 1, i -> data.contains(me, i));
        assertThat(data.itemId(top.getFirst().item())).isEqualTo("d");
    }

    @Test
    void neighboursOfALiveHistoryExcludeTheUserThemselves() {
        UserKnn knn = UserKnn.fit(data, new UserKnn.Config(5, 1));
        int me = data.userIndex("me");
        List<ScoredItem> nb = knn.neighbours(data.history(me), me);
        assertThat(nb).extracting(ScoredItem::item).containsExactly(data.userIndex("twin"));
        assertThat(nb.getFirst().score()).isCloseTo(3 / Math.sqrt(3 * 4), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void newUserIsScoredWithoutRefit() {
        UserKnn knn = UserKnn.fit(data, new UserKnn.Config(5, 2));
        double[] s = new double[data.itemCount()];
        knn.score(History.of(new int[] {Fixtures.item(data, "x")}, new double[] {1}), s);
        assertThat(s[Fixtures.item(data, "e")]).isPositive();
        assertThat(s[Fixtures.item(data, "d")]).isZero();
    }
}
