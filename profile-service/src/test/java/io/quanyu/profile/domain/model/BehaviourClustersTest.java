package io.quanyu.profile.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** k-means segmentation: blob recovery, choice of k, determinism and the silhouette itself. */
class BehaviourClustersTest {

    private static final List<String> NAMES = List.of("recency", "frequency", "spend");
    private static final double[][] CENTRES = {{5, 20, 500}, {60, 2, 40}, {200, 1, 5}};

    private final List<String> ids = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();

    BehaviourClustersTest() {
        Random rnd = new Random(42);
        double[] spread = {3, 1, 20};
        for (int b = 0; b < CENTRES.length; b++) {
            for (int i = 0; i < 100 + 50 * b; i++) {
                double[] r = new double[3];
                for (int j = 0; j < 3; j++) {
                    r[j] = CENTRES[b][j] + rnd.nextGaussian() * spread[j];
                }
                ids.add("b" + b + "-" + i);
                rows.add(r);
            }
        }
    }

    @Test
    void recoversThreeSeparatedBlobsAndChoosesThree() {
        BehaviourClusters.Result r = BehaviourClusters.cluster(ids, rows, NAMES, 2, 6, 7L);

        assertThat(r.k()).isEqualTo(3);
        assertThat(r.silhouetteByK().keySet()).containsExactly(2, 3, 4, 5, 6);
        assertThat(r.silhouetteByK().get(3)).isGreaterThan(0.7);
        // Each blob maps onto exactly one cluster, and clusters are numbered largest first.
        for (int b = 0; b < 3; b++) {
            String prefix = "b" + b + "-";
            Set<Integer> labels = new HashSet<>();
            r.assignment().forEach((id, c) -> {
                if (id.startsWith(prefix)) {
                    labels.add(c);
                }
            });
            assertThat(labels).hasSize(1);
        }
        assertThat(r.clusters()).extracting(BehaviourClusters.Cluster::size).containsExactly(200, 150, 100);
        // Centroids come back in the original units.
        assertThat(r.clusters().getFirst().centroid()[0]).isCloseTo(200, within(2.0));
        assertThat(r.clusters().getLast().centroid()[2]).isCloseTo(500, within(10.0));
        assertThat(r.clusters().getLast().description()).contains("recency low", "spend high");
        assertThat(r.explanation()).startsWith("k=3 is the smallest k");
    }

    @Test
    void sameSeedSameResult() {
        BehaviourClusters.Result a = BehaviourClusters.cluster(ids, rows, NAMES, 2, 5, 99L, true);
        BehaviourClusters.Result b = BehaviourClusters.cluster(ids, rows, NAMES, 2, 5, 99L, true);
        assertThat(b.assignment()).isEqualTo(a.assignment());
        assertThat(b.silhouetteByK()).isEqualTo(a.silhouetteByK());
        assertThat(b.clusters()).extracting(BehaviourClusters.Cluster::description)
                .containsExactlyElementsOf(a.clusters().stream().map(BehaviourClusters.Cluster::description).toList());
    }

    @Test
    void rejectsImpossibleK() {
        assertThatThrownBy(() -> BehaviourClusters.cluster(ids, rows, NAMES, 1, 3, 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void silhouetteOfTwoTightPairsIsNearOne() {
        double[][] z = {{0, 0}, {0, 0.1}, {10, 0}, {10, 0.1}};
        assertThat(BehaviourClusters.meanSilhouette(z, new int[] {0, 0, 1, 1}, 2, new int[] {0, 1, 2, 3}))
                .isGreaterThan(0.98);
        assertThat(BehaviourClusters.meanSilhouette(z, new int[] {0, 1, 0, 1}, 2, new int[] {0, 1, 2, 3}))
                .isNegative();
    }

    @Test
    void nearlyEqualSilhouettesFavourTheSmallerK() {
        java.util.SortedMap<Integer, Double> s = new java.util.TreeMap<>(java.util.Map.of(2, 0.30, 3, 0.375, 4, 0.38, 5, 0.2));
        assertThat(BehaviourClusters.chooseK(s)).isEqualTo(3);
        s.put(4, 0.40);
        assertThat(BehaviourClusters.chooseK(s)).isEqualTo(4);
    }
}
