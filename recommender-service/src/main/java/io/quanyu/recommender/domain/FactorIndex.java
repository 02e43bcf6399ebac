package io.quanyu.recommender.domain;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * Inner-product search over item vectors: an exact scan for small catalogs, and above that an inverted file of
 * k-means cells (probe the cells whose centroids score best, then score their items exactly).
 */
public final class FactorIndex {

    /**
     * Search settings.
     *
     * @param exactBelow   catalogs smaller than this are scanned whole, so the offline figures are exact
     * @param scanFraction share of the catalog a search scores at least before it may stop (more: better recall)
     * @param seed         k-means seed
     */
    public record Config(int exactBelow, double scanFraction, long seed) {
        public static final Config DEFAULT = new Config(20_000, 0.03, 42);

        public Config {
            if (exactBelow < 0 || !(scanFraction > 0 && scanFraction <= 1)) {
                throw new IllegalArgumentException("invalid index config");
            }
        }
    }

    private static final int KMEANS_ITERATIONS = 8;
    private static final int SAMPLE_PER_CELL = 40;

    private final int d;
    private final int n;
    private final float[] vectors;
    /**
     * The same vectors feature-major within each cell (cell c's feature f for its items lies contiguously from
     * {@code cellStart[c] * d + f * cellSize}): a search then adds one feature over a whole cell per pass, a loop the
     * JIT turns into SIMD instructions, where an item-major dot product is a chain of dependent additions.
     */
    private final float[] columns;
    private final int largestCell;
    private final int[] itemAt;
    private final int[] positionOf;
    private final int[] cellStart;
    private final float[] centroids;
    private final int minScan;

    private FactorIndex(int d, float[] vectors, int[] itemAt, int[] cellStart, float[] centroids, int minScan) {
        this.d = d;
        this.n = itemAt.length;
        this.vectors = vectors;
        this.itemAt = itemAt;
        this.positionOf = new int[itemAt.length];
        for (int pos = 0; pos < itemAt.length; pos++) {
            positionOf[itemAt[pos]] = pos;
        }
        this.cellStart = cellStart;
        this.centroids = centroids;
        this.minScan = minScan;
        this.columns = new float[vectors.length];
        int largest = 0;
        for (int c = 0; c + 1 < cellStart.length; c++) {
            int size = cellStart[c + 1] - cellStart[c];
            largest = Math.max(largest, size);
            for (int j = 0; j < size; j++) {
                for (int f = 0; f < d; f++) {
                    columns[cellStart[c] * d + f * size + j] = vectors[(cellStart[c] + j) * d + f];
                }
            }
        }
        this.largestCell = largest;
    }

    /** Indexes {@code itemVectors} (item-major, {@code d} per item); the array is not kept. */
    public static FactorIndex build(float[] itemVectors, int d, Config config) {
        int n = itemVectors.length / d;
        int cells = n < config.exactBelow() ? 1 : (int) Math.round(Math.sqrt(n));
        float[] centroids = cells == 1 ? new float[d] : kMeans(itemVectors, n, d, cells, config.seed());
        int[] cellOf = cells == 1 ? new int[n] : IntStream.range(0, n).parallel()
                .map(i -> nearest(itemVectors, i * d, centroids, cells, d)).toArray();
        int[] cellStart = new int[cells + 1];
        for (int c : cellOf) {
            cellStart[c + 1]++;
        }
        for (int c = 0; c < cells; c++) {
            cellStart[c + 1] += cellStart[c];
        }
        // Items of one cell lie together, so a probe reads contiguous memory.
        int[] next = Arrays.copyOf(cellStart, cells);
        int[] itemAt = new int[n];
        float[] vectors = new float[n * d];
        for (int i = 0; i < n; i++) {
            int pos = next[cellOf[i]]++;
            itemAt[pos] = i;
            System.arraycopy(itemVectors, i * d, vectors, pos * d, d);
        }
        int minScan = cells == 1 ? n : (int) Math.ceil(config.scanFraction() * n);
        return new FactorIndex(d, vectors, itemAt, cellStart, centroids, minScan);
    }

    public int dimensions() {
        return d;
    }

    public int cells() {
        return cellStart.length - 1;
    }

    /**
     * Offers the items {@code accept} accepts to {@code top} with their inner product with {@code user}, probing cells
     * best-first until at least the configured share of the catalog was scored and {@code wanted} items were accepted.
     * Returns how many items were scored.
     */
    public int search(double[] user, int wanted, IntPredicate accept, TopN top) {
        float[] u = query(user);
        int cells = cells();
        int[] order = cells == 1 ? new int[] {0} : cellsByScore(u, cells);
        double[] sums = new double[largestCell];
        int scanned = 0;
        int accepted = 0;
        for (int k = 0; k < order.length && (scanned < minScan || accepted < wanted); k++) {
            int c = order[k];
            int start = cellStart[c];
            int size = cellStart[c + 1] - start;
            cellScores(u, start * d, size, sums);
            for (int j = 0; j < size; j++) {
                int item = itemAt[start + j];
                if (accept == null || accept.test(item)) {
                    top.offer(item, sums[j]);
                    accepted++;
                }
            }
            scanned += size;
        }
        return scanned;
    }

    /** The inner products of {@code u} with one cell's items, summed feature by feature as {@link #score} sums them. */
    private void cellScores(float[] u, int base, int size, double[] sums) {
        // Double sums: the JIT vectorizes only what cannot alias, and a double[] is never the float[] it reads.
        java.util.Arrays.fill(sums, 0, size, 0);
        for (int f = 0; f < d; f++) {
            float uf = u[f];
            int offset = base + f * size;
            for (int j = 0; j < size; j++) {
                sums[j] += uf * columns[offset + j];
            }
        }
    }

    /** The user vector as floats, the form {@link #score} takes. */
    public float[] query(double[] user) {
        float[] u = new float[d];
        for (int f = 0; f < d; f++) {
            u[f] = (float) user[f];
        }
        return u;
    }

    /**
     * One item's inner product with a query from {@link #query}, as a search computes it up to the order of the
     * double additions (about 1e-16 relative): four running sums, since one would wait on each addition in turn.
     */
    public double score(float[] query, int item) {
        return dot(query, vectors, positionOf[item] * d, d);
    }

    private int[] cellsByScore(float[] u, int cells) {
        long[] keyed = new long[cells];
        for (int c = 0; c < cells; c++) {
            // Sort descending by score: flip the float's bits into an order-preserving int, then negate.
            int bits = Float.floatToIntBits((float) dot(u, centroids, c * d, d));
            int ordered = bits >= 0 ? bits : bits ^ 0x7fffffff;
            keyed[c] = ((long) -ordered << 32) | c;
        }
        Arrays.sort(keyed);
        int[] order = new int[cells];
        for (int c = 0; c < cells; c++) {
            order[c] = (int) keyed[c];
        }
        return order;
    }

    /** Four double accumulators: a single running sum is bound by the latency of each add. */
    static double dot(float[] u, float[] v, int offset, int d) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int f = 0;
        for (; f + 3 < d; f += 4) {
            s0 += u[f] * v[offset + f];
            s1 += u[f + 1] * v[offset + f + 1];
            s2 += u[f + 2] * v[offset + f + 2];
            s3 += u[f + 3] * v[offset + f + 3];
        }
        for (; f < d; f++) {
            s0 += u[f] * v[offset + f];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Lloyd's k-means on a sample (enough points per cell to place it); empty cells are reseeded at random points. */
    private static float[] kMeans(float[] x, int n, int d, int cells, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] sample = rnd.ints(0, n).distinct().limit(Math.min(n, (long) cells * SAMPLE_PER_CELL)).toArray();
        float[] centroids = new float[cells * d];
        for (int c = 0; c < cells; c++) {
            System.arraycopy(x, sample[c % sample.length] * d, centroids, c * d, d);
        }
        for (int it = 0; it < KMEANS_ITERATIONS; it++) {
            float[] current = centroids;
            int[] assign = Arrays.stream(sample).parallel().map(i -> nearest(x, i * d, current, cells, d)).toArray();
            double[] sum = new double[cells * d];
            int[] count = new int[cells];
            for (int s = 0; s < sample.length; s++) {
                int c = assign[s];
                count[c]++;
                for (int f = 0; f < d; f++) {
                    sum[c * d + f] += x[sample[s] * d + f];
                }
            }
            float[] next = new float[cells * d];
            for (int c = 0; c < cells; c++) {
                if (count[c] == 0) {
                    System.arraycopy(x, sample[rnd.nextInt(sample.length)] * d, next, c * d, d);
                    continue;
                }
                for (int f = 0; f < d; f++) {
                    next[c * d + f] = (float) (sum[c * d + f] / count[c]);
                }
            }
            centroids = next;
        }
        return centroids;
    }

    private static int nearest(float[] x, int offset, float[] centroids, int cells, int d) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int c = 0; c < cells; c++) {
            double dist = 0;
            for (int f = 0; f < d; f++) {
                double diff = x[offset + f] - centroids[c * d + f];
                dist += diff * diff;
            }
            if (dist < bestDistance) {
                bestDistance = dist;
                best = c;
            }
        }
        return best;
    }
}
