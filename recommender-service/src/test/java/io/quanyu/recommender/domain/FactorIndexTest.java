package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Inner-product search: exact on small catalogs, high recall with a fraction of the work on large ones. */
class FactorIndexTest {

    private static final int D = 16;

    /** Item vectors around a few hundred topic centres, like trained factors of a catalog with categories. */
    private static float[] clustered(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int topics = 300;
        float[] centres = new float[topics * D];
        for (int x = 0; x < centres.length; x++) {
            centres[x] = (float) r.nextGaussian();
        }
        float[] v = new float[n * D];
        for (int i = 0; i < n; i++) {
            int t = r.nextInt(topics);
            double scale = 0.5 + r.nextDouble();
            for (int f = 0; f < D; f++) {
                v[i * D + f] = (float) (scale * centres[t * D + f] + 0.3 * r.nextGaussian());
            }
        }
        return v;
    }

    private static List<ScoredItem> exact(float[] v, double[] u, int k) {
        TopN top = new TopN(k);
        for (int i = 0; i < v.length / D; i++) {
            double s = 0;
            for (int f = 0; f < D; f++) {
                s += u[f] * v[i * D + f];
            }
            top.offer(i, s);
        }
        return top.sorted();
    }

    @Test
    void smallCatalogsAreSearchedExactly() {
        float[] v = clustered(2_000, 1);
        FactorIndex index = FactorIndex.build(v, D, FactorIndex.Config.DEFAULT);
        assertThat(index.cells()).isEqualTo(1);
        double[] u = new SplittableRandom(2).doubles(D).map(x -> x - 0.5).toArray();
        TopN top = new TopN(10);
        assertThat(index.search(u, 10, i -> i % 2 == 0, top)).isEqualTo(2_000);
        List<ScoredItem> found = top.sorted();
        assertThat(found).extracting(ScoredItem::item).allSatisfy(i -> assertThat(i % 2).isZero());
        List<ScoredItem> expected = exact(v, u, 200).stream().filter(s -> s.item() % 2 == 0).limit(10).toList();
        assertThat(found).extracting(ScoredItem::item).containsExactlyElementsOf(expected.stream().map(ScoredItem::item).toList());
        assertThat(index.score(index.query(u), 7)).isCloseTo(exact(v, u, 2_000).stream().filter(s -> s.item() == 7)
                .findFirst().orElseThrow().score(), org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void largeCatalogsScanAFractionAndKeepTheBestItems() {
        int n = 60_000;
        float[] v = clustered(n, 3);
        FactorIndex index = FactorIndex.build(v, D, FactorIndex.Config.DEFAULT);
        assertThat(index.cells()).isGreaterThan(100);
        SplittableRandom r = new SplittableRandom(4);
        double recall = 0;
        long scanned = 0;
        int queries = 50;
        for (int q = 0; q < queries; q++) {
            // A user vector near one item, as a user who likes a topic.
            int like = r.nextInt(n);
            double[] u = new double[D];
            for (int f = 0; f < D; f++) {
                u[f] = v[like * D + f] + 0.2 * r.nextGaussian();
            }
            TopN top = new TopN(300);
            scanned += index.search(u, 300, null, top);
            Set<Integer> found = new HashSet<>();
            top.sorted().forEach(s -> found.add(s.item()));
            recall += exact(v, u, 10).stream().filter(s -> found.contains(s.item())).count() / 10.0;
        }
        assertThat(recall / queries).as("share of the exact top 10 among the 300 candidates").isGreaterThan(0.9);
        assertThat(scanned / (double) queries).as("items scored per search").isLessThan(0.15 * n);
    }
}
