package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.recommender.domain.Recommendation.Source;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hybrid blending, reasons, exclusions, category filter and cold-start fallback on a tiny shop. */
class HybridRecommenderTest {

    private final Interactions data = Fixtures.pairs(
            "u1:tent", "u1:stove", "u1:mat",
            "u2:tent", "u2:stove", "u2:mat",
            "u3:tent", "u3:stove",
            "u4:sofa", "u4:lamp",
            "u5:sofa", "u5:lamp", "u5:rug",
            "u6:sofa", "u6:rug",
            "me:tent");

    private final Map<String, String> titles = Map.of("tent", "Alpine Tent", "stove", "Camping Stove",
            "mat", "Sleeping Mat", "sofa", "Velvet Sofa", "lamp", "Floor Lamp", "rug", "Wool Rug");
    private final Map<String, String> categories = Map.of("tent", "outdoor", "stove", "outdoor", "mat", "outdoor",
            "sofa", "home", "lamp", "home", "rug", "home");

    private HybridRecommender hybrid(double itemKnn, double content) {
        List<String> texts = data.itemIds().stream().map(id -> titles.get(id) + " " + categories.get(id)).toList();
        return HybridRecommender.builder(data)
                .itemKnn(ItemKnn.fit(data, ItemKnn.Config.of(ItemKnn.Similarity.COSINE, 10)), itemKnn)
                .content(ContentModel.fit(data, texts::get), content)
                .popularity(Popularity.fit(data, Popularity.Config.COUNTS), 0)
                .categories(categories::get)
                .labels(titles::get)
                .verb("bought")
                .build();
    }

    @Test
    void itemKnnReasonNamesTheSeenItem() {
        List<Recommendation> recs = hybrid(1, 0).recommend("me", RecommendationRequest.top(2));
        assertThat(recs.getFirst().itemId()).isEqualTo("stove");
        assertThat(recs.getFirst().source()).isEqualTo(Source.ITEM_KNN);
        assertThat(recs.getFirst().reason()).isEqualTo("because you bought Alpine Tent");
        assertThat(recs).extracting(Recommendation::itemId).doesNotContain("tent");
    }

    @Test
    void contentReasonListsSharedTerms() {
        List<Recommendation> recs = hybrid(0, 1).recommend("me", RecommendationRequest.top(1));
        assertThat(recs.getFirst().source()).isEqualTo(Source.CONTENT);
        assertThat(recs.getFirst().reason()).startsWith("similar to your interests: ").contains("outdoor");
    }

    @Test
    void exclusionsAndCategoryFilter() {
        HybridRecommender h = hybrid(1, 0.2);
        List<Recommendation> recs = h.recommend("me", RecommendationRequest.top(5).excluding(Set.of("stove")));
        assertThat(recs).extracting(Recommendation::itemId).doesNotContain("stove", "tent");
        List<Recommendation> home = h.recommend("me", RecommendationRequest.top(5).inCategory("home"));
        assertThat(home).isNotEmpty().allSatisfy(r -> assertThat(categories.get(r.itemId())).isEqualTo("home"));
    }

    @Test
    void usersWithoutHistoryGetPopularItemsPerCategory() {
        HybridRecommender h = hybrid(1, 0.2);
        List<Recommendation> recs = h.recommend("stranger", RecommendationRequest.top(2).inCategory("home"));
        assertThat(recs).extracting(Recommendation::itemId).containsExactly("sofa", "lamp");
        assertThat(recs).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo(Source.POPULARITY);
            assertThat(r.reason()).isEqualTo("popular in home");
        });
    }

    @Test
    void liveHistoryOfANewUserIsScoredWithoutRefit() {
        HybridRecommender h = hybrid(1, 0);
        History live = History.of(new int[] {data.itemIndex("sofa")}, new double[] {1});
        List<Recommendation> recs = h.recommend(live, null, RecommendationRequest.top(1));
        assertThat(recs.getFirst().itemId()).isIn("lamp", "rug");
        assertThat(recs.getFirst().reason()).isEqualTo("because you bought Velvet Sofa");
    }

    @Test
    void topsUpWithPopularItemsWhenModelsHaveTooLittleToSay() {
        List<Recommendation> recs = hybrid(1, 0).recommend("me", RecommendationRequest.top(5));
        assertThat(recs).hasSize(5);
        assertThat(recs.getLast().source()).isEqualTo(Source.POPULARITY);
    }

    @Test
    void matrixFactorizationReasonNamesTheClosestSeenItem() {
        HybridRecommender h = HybridRecommender.builder(data)
                .itemKnn(ItemKnn.fit(data, ItemKnn.Config.of(ItemKnn.Similarity.COSINE, 10)), 0)
                .matrixFactorization(ImplicitAls.fit(data, new ImplicitAls.Config(4, 10, 10, 0.1, 4, 1)), 1)
                .labels(titles::get)
                .verb("bought")
                .build();
        Recommendation first = h.recommend("me", RecommendationRequest.top(1)).getFirst();
        assertThat(first.source()).isEqualTo(Source.MATRIX_FACTORIZATION);
        assertThat(first.itemId()).isEqualTo("stove");
        assertThat(first.reason()).isEqualTo("matches your taste profile, like Alpine Tent which you bought");
    }

    @Test
    void normalizeScalesCandidatesToUnitRange() {
        double[] s = {5, 1, 3, 100};
        HybridRecommender.normalize(s, i -> i != 3);
        assertThat(s).containsExactly(1, 0.2, 0.6, 0);
        double[] negative = {-2, 2, 0};
        HybridRecommender.normalize(negative, i -> true);
        assertThat(negative).containsExactly(0, 1, 0.5);
    }

    @Test
    void manyConcurrentRequestsShareTheBoundedWorkspacesWithoutMixingThemUp() throws Exception {
        Interactions d = new LowRankData(11).train;
        HybridRecommender h = HybridRecommender.builder(d)
                .itemKnn(ItemKnn.fit(d, ItemKnn.Config.of(ItemKnn.Similarity.COSINE, 30)), 0.3)
                .userKnn(UserKnn.fit(d, new UserKnn.Config(20, 2)), 0.2)
                .matrixFactorization(ImplicitAls.fit(d, new ImplicitAls.Config(8, 5, 10, 0.1, 4, 1)), 0.5)
                .build();
        List<List<Recommendation>> expected = new java.util.ArrayList<>();
        for (int u = 0; u < d.userCount(); u++) {
            expected.add(h.recommend(d.history(u), d.userId(u), RecommendationRequest.top(5)));
        }
        // Far more threads than workspaces: the rest wait their turn, and no two share scratch arrays.
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(48)) {
            List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int round = 0; round < 5; round++) {
                for (int u = 0; u < d.userCount(); u++) {
                    int user = u;
                    same.add(pool.submit(() -> h.recommend(d.history(user), d.userId(user), RecommendationRequest.top(5)).equals(expected.get(user))));
                }
            }
            for (var f : same) {
                assertThat(f.get()).isTrue();
            }
        }
    }
}
