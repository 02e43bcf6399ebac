package io.quanyu.profile.domain.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import smile.clustering.CentroidClustering;
import smile.clustering.Clustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/** Behaviour segments by smile k-means on standardized features, k chosen by mean silhouette, each cluster described. */
public final class BehaviourClusters {

    /** Silhouette is quadratic in the points; a fixed-size sample keeps it cheap and is plenty to rank a few k. */
    public static final int SILHOUETTE_SAMPLE = 2_000;
    /** k-means++ runs per k; the lowest distortion wins, which guards against an unlucky seeding. */
    public static final int RESTARTS = 5;
    /** A cluster is described by at most this many features, those at least {@link #NOTABLE_Z} std away. */
    public static final int DESCRIBED_FEATURES = 3;
    public static final double NOTABLE_Z = 0.5;

    /**
     * Silhouettes closer than this are treated as equal and the smaller k wins: such differences are within the noise
     * of the seeding and the sample, and fewer segments are easier for a marketer to act on.
     */
    public static final double SILHOUETTE_TOLERANCE = 0.01;

    private static final int MAX_ITER = 100;

    private BehaviourClusters() {
    }

    /** One segment: members, centroid in the features' own units, centroid in std units, and a short description. */
    public record Cluster(int index, int size, double[] centroid, double[] standardizedCentroid, String description) {
    }

    /** The chosen k with its evidence (silhouette per k), the clusters (largest first) and each id's cluster index. */
    public record Result(int k, SortedMap<Integer, Double> silhouetteByK, List<String> featureNames,
                         List<Cluster> clusters, Map<String, Integer> assignment) {

        /** Why this k, in one sentence. */
        public String explanation() {
            double best = silhouetteByK.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "k=%d is the smallest k whose mean silhouette (%.3f) is within %.2f of the best (%.3f) among k=%d..%d:",
                    k, silhouetteByK.get(k), SILHOUETTE_TOLERANCE, best, silhouetteByK.firstKey(),
                    silhouetteByK.lastKey()));
            silhouetteByK.forEach((kk, s) -> sb.append(String.format(Locale.ROOT, " k=%d %.3f", kk, s)));
            return sb.toString();
        }
    }

    /** Clusters the raw feature values, standardized. */
    public static Result cluster(List<String> ids, List<double[]> features, List<String> featureNames,
                                 int kMin, int kMax, long seed) {
        return cluster(ids, features, featureNames, kMin, kMax, seed, false);
    }

    /**
     * Clusters {@code features}, choosing k in [kMin, kMax]. With {@code log1p}, non-negative heavy-tailed values
     * (counts, spend, day gaps) are log1p-transformed before standardizing, so a few extreme customers do not get
     * clusters of their own; centroids and descriptions are still reported in the original units.
     * Deterministic for a fixed seed; note that it reseeds smile's per-thread generator ({@link MathEx#setSeed}).
     */
    public static Result cluster(List<String> ids, List<double[]> features, List<String> featureNames,
                                 int kMin, int kMax, long seed, boolean log1p) {
        int n = features.size();
        int p = featureNames.size();
        if (ids.size() != n) {
            throw new IllegalArgumentException(ids.size() + " ids but " + n + " feature rows");
        }
        if (kMin < 2 || kMax < kMin || kMax >= n) {
            throw new IllegalArgumentException("need 2 <= kMin <= kMax < n=" + n + ", got " + kMin + ".." + kMax);
        }
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] row = features.get(i);
            if (row.length != p) {
                throw new IllegalArgumentException("row " + i + " has " + row.length + " values, expected " + p);
            }
            z[i] = log1p ? BinaryModel.transform(row) : row.clone();
        }
        standardize(z);
        int[] sample = sample(n, seed);

        SortedMap<Integer, Double> silhouettes = new TreeMap<>();
        Map<Integer, int[]> groupsByK = new TreeMap<>();
        for (int k = kMin; k <= kMax; k++) {
            int[] groups = kMeans(z, k, seed).group();
            groupsByK.put(k, groups);
            silhouettes.put(k, meanSilhouette(z, groups, k, sample));
        }
        int k = chooseK(silhouettes);
        return describe(ids, features, featureNames, z, groupsByK.get(k), k, silhouettes);
    }

    /** The smallest k whose silhouette is within {@link #SILHOUETTE_TOLERANCE} of the best one. */
    static int chooseK(SortedMap<Integer, Double> silhouettes) {
        double best = silhouettes.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return silhouettes.entrySet().stream().filter(e -> e.getValue() >= best - SILHOUETTE_TOLERANCE)
                .findFirst().orElseThrow().getKey();
    }

    private static CentroidClustering<double[], double[]> kMeans(double[][] z, int k, long seed) {
        // smile draws k-means++ seeds from a per-thread generator: reseeding it per k makes each k reproducible alone.
        MathEx.setSeed(seed * 1_000_003L + k);
        CentroidClustering<double[], double[]> best = null;
        for (int r = 0; r < RESTARTS; r++) {
            CentroidClustering<double[], double[]> c = KMeans.fit(z, new Clustering.Options(k, MAX_ITER));
            if (best == null || c.distortion() < best.distortion()) {
                best = c;
            }
        }
        return best;
    }

    /** Mean silhouette over the sampled points, distances to the sampled points only (Euclidean, std units). */
    static double meanSilhouette(double[][] z, int[] groups, int k, int[] sample) {
        int[] sizes = new int[k];
        for (int i : sample) {
            sizes[groups[i]]++;
        }
        double total = 0;
        double[] sums = new double[k];
        for (int i : sample) {
            Arrays.fill(sums, 0);
            for (int j : sample) {
                if (i != j) {
                    sums[groups[j]] += Math.sqrt(MathEx.squaredDistance(z[i], z[j]));
                }
            }
            int own = groups[i];
            // A point alone in its cluster has silhouette 0 by convention (Rousseeuw).
            if (sizes[own] <= 1) {
                continue;
            }
            double a = sums[own] / (sizes[own] - 1);
            double b = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                if (c != own && sizes[c] > 0) {
                    b = Math.min(b, sums[c] / sizes[c]);
                }
            }
            double m = Math.max(a, b);
            total += m == 0 || b == Double.POSITIVE_INFINITY ? 0 : (b - a) / m;
        }
        return total / sample.length;
    }

    private static Result describe(List<String> ids, List<double[]> raw, List<String> names, double[][] z,
                                   int[] groups, int k, SortedMap<Integer, Double> silhouettes) {
        int n = z.length;
        int p = names.size();
        int[] sizes = new int[k];
        double[][] centroid = new double[k][p];
        double[][] zCentroid = new double[k][p];
        for (int i = 0; i < n; i++) {
            int g = groups[i];
            sizes[g]++;
            for (int j = 0; j < p; j++) {
                centroid[g][j] += raw.get(i)[j];
                zCentroid[g][j] += z[i][j];
            }
        }
        // Smile's labels are arbitrary; largest-first numbering makes reports comparable from run to run.
        Integer[] bySize = new Integer[k];
        Arrays.setAll(bySize, g -> g);
        Arrays.sort(bySize, Comparator.<Integer>comparingInt(g -> -sizes[g]).thenComparingInt(g -> g));
        int[] relabel = new int[k];
        List<Cluster> clusters = new ArrayList<>();
        for (int rank = 0; rank < k; rank++) {
            int g = bySize[rank];
            relabel[g] = rank;
            for (int j = 0; j < p; j++) {
                centroid[g][j] /= sizes[g];
                zCentroid[g][j] /= sizes[g];
            }
            clusters.add(new Cluster(rank, sizes[g], centroid[g], zCentroid[g], description(names, centroid[g], zCentroid[g])));
        }
        Map<String, Integer> assignment = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            assignment.put(ids.get(i), relabel[groups[i]]);
        }
        return new Result(k, Collections.unmodifiableSortedMap(silhouettes), List.copyOf(names),
                List.copyOf(clusters), Collections.unmodifiableMap(assignment));
    }

    /** E.g. "days_since_last_activity low (3.2), purchases_90d high (14.0)": the most distinctive features first. */
    static String description(List<String> names, double[] centroid, double[] zCentroid) {
        Integer[] order = new Integer[names.size()];
        Arrays.setAll(order, j -> j);
        Arrays.sort(order, Comparator.<Integer>comparingDouble(j -> -Math.abs(zCentroid[j])).thenComparingInt(j -> j));
        List<String> parts = new ArrayList<>();
        for (int j : order) {
            if (parts.size() == DESCRIBED_FEATURES || Math.abs(zCentroid[j]) < NOTABLE_Z) {
                break;
            }
            parts.add(String.format(Locale.ROOT, "%s %s (%.1f)", names.get(j), zCentroid[j] > 0 ? "high" : "low",
                    centroid[j]));
        }
        return parts.isEmpty() ? "close to the average on every feature" : String.join(", ", parts);
    }

    private static void standardize(double[][] z) {
        int n = z.length;
        for (int j = 0; j < z[0].length; j++) {
            double mean = 0;
            for (double[] row : z) {
                mean += row[j] / n;
            }
            double ss = 0;
            for (double[] row : z) {
                ss += (row[j] - mean) * (row[j] - mean);
            }
            double std = Math.sqrt(ss / n);
            for (double[] row : z) {
                // A constant feature stays 0 everywhere rather than becoming NaN.
                row[j] = std > 1e-12 ? (row[j] - mean) / std : 0;
            }
        }
    }

    /** All indices when n is small, else a seeded sample of {@link #SILHOUETTE_SAMPLE}; the same sample for every k. */
    private static int[] sample(int n, long seed) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        if (n <= SILHOUETTE_SAMPLE) {
            return idx;
        }
        Random rnd = new Random(seed);
        for (int i = 0; i < SILHOUETTE_SAMPLE; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        return Arrays.copyOf(idx, SILHOUETTE_SAMPLE);
    }
}
