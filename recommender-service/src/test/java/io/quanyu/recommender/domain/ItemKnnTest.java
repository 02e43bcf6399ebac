package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quanyu.recommender.domain.ItemKnn.Similarity;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Item-kNN on a tiny co-occurrence pattern: recommendations, similarity formulas, K bound, decay, reasons. */
class ItemKnnTest {

    // tent and stove go together; tent and sofa do not.
    private final Interactions data = Fixtures.pairs(
            "u1:tent", "u1:stove",
            "u2:tent", "u2:stove",
            "u3:tent", "u3:stove", "u3:lamp",
            "u4:sofa", "u4:lamp",
            "u5:sofa", "u5:lamp",
            "u6:tent");

    @Test
    void recommendsTheCoOccurringItem() {
        ItemKnn knn = ItemKnn.fit(data, ItemKnn.Config.of(Similarity.COSINE, 50));
        int u6 = data.userIndex("u6");
        List<ScoredItem> top = knn.recommend(u6, 1, i -> data.contains(u6, i));
        assertThat(data.itemId(top.getFirst().item())).isEqualTo("stove");
    }

    @Test
    void similarityFormulas() {
        int tent = Fixtures.item(data, "tent");
        int stove = Fixtures.item(data, "stove");
        // c(tent) = 4, c(stove) = 3, c(tent, stove) = 3.
        assertThat(ItemKnn.fit(data, ItemKnn.Config.of(Similarity.COSINE, 9)).similarity(tent, stove))
                .isCloseTo(3 / Math.sqrt(12), within(1e-6));
        assertThat(ItemKnn.fit(data, ItemKnn.Config.of(Similarity.JACCARD, 9)).similarity(tent, stove))
                .isCloseTo(3.0 / 4, within(1e-6));
        assertThat(ItemKnn.fit(data, ItemKnn.Config.of(Similarity.LIFT, 9)).similarity(tent, stove))
                .isCloseTo(3.0 / 12, within(1e-6));
    }

    @Test
    void similarItemsAreRankedAndBoundedByK() {
        ItemKnn knn = ItemKnn.fit(data, ItemKnn.Config.of(Similarity.JACCARD, 1));
        int lamp = Fixtures.item(data, "lamp");
        List<ScoredItem> similar = knn.similar(lamp, 5);
        assertThat(similar).hasSize(1);
        assertThat(data.itemId(similar.getFirst().item())).isEqualTo("sofa");
        assertThat(similar.getFirst().score()).isCloseTo(2.0 / 3, within(1e-6));
        assertThat(knn.similar(Fixtures.item(data, "sofa"), 5)).hasSize(1);
    }

    @Test
    void timeDecayFavoursWhatTheUserDidRecently() {
        // One user saw tent long ago and sofa just now: with a short half-life, sofa's neighbour (lamp) wins over
        // tent's (stove), without decay the tie-break is by index.
        java.time.Instant t = Fixtures.T0;
        InteractionsBuilder b = Interactions.builder();
        for (String u : List.of("a", "b")) {
            b.add(u, "tent", 1, t).add(u, "stove", 1, t).add(u + "x", "sofa", 1, t).add(u + "x", "lamp", 1, t);
        }
        b.add("me", "tent", 1, t).add("me", "sofa", 1, t.plus(Duration.ofDays(30)));
        Interactions d = b.build();
        int me = d.userIndex("me");
        ItemKnn decayed = ItemKnn.fit(d, ItemKnn.Config.of(Similarity.COSINE, 10).withHalfLife(Duration.ofDays(7)));
        assertThat(d.itemId(decayed.recommend(me, 1, i -> d.contains(me, i)).getFirst().item())).isEqualTo("lamp");
        ItemKnn flat = ItemKnn.fit(d, ItemKnn.Config.of(Similarity.COSINE, 10));
        double[] s = new double[d.itemCount()];
        flat.score(me, s);
        assertThat(s[Fixtures.item(d, "lamp")]).isEqualTo(s[Fixtures.item(d, "stove")]);
    }

    @Test
    void strongestContributorNamesTheSeenItem() {
        ItemKnn knn = ItemKnn.fit(data, ItemKnn.Config.of(Similarity.COSINE, 50));
        History h = History.of(new int[] {Fixtures.item(data, "sofa"), Fixtures.item(data, "tent")},
                new double[] {1, 1});
        int stove = Fixtures.item(data, "stove");
        assertThat(h.items()[knn.strongestContributors(h, new int[] {stove})[0]]).isEqualTo(Fixtures.item(data, "tent"));
    }

    @Test
    void contributorsOfAWholeListMatchTheDefinitionItemByItem() {
        Interactions d = new LowRankData(7).train;
        ItemKnn knn = ItemKnn.fit(d, ItemKnn.Config.of(Similarity.COSINE, 20));
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int trial = 0; trial < 50; trial++) {
            int[] seen = random.ints(1 + random.nextInt(15), 0, d.itemCount()).distinct().toArray();
            double[] w = random.doubles(seen.length, 0.5, 5).toArray();
            History h = History.of(seen, w);
            int[] items = random.ints(1 + random.nextInt(40), 0, d.itemCount()).distinct().toArray();
            int[] got = knn.strongestContributors(h, items);
            for (int k = 0; k < items.length; k++) {
                int expected = -1;
                double best = 0;
                for (int x = 0; x < seen.length; x++) {
                    double c = w[x] * knn.similarity(seen[x], items[k]);
                    if (c > best) {
                        best = c;
                        expected = x;
                    }
                }
                assertThat(got[k]).as("trial %d item %d", trial, items[k]).isEqualTo(expected);
            }
        }
    }
}
