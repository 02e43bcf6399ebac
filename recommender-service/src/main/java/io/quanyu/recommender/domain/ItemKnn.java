package io.quanyu.recommender.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Item-based collaborative filtering (SAR-like): co-occurrence similarity, top-K neighbours, affinity × sim. */
public final class ItemKnn implements Scorer {

    /** How co-occurrence count c(i,j) and item supports c(i), c(j) become a similarity. */
    public enum Similarity {
        /** c(i,j) / sqrt(c(i) c(j)). */
        COSINE,
        /** c(i,j) / (c(i) + c(j) − c(i,j)). */
        JACCARD,
        /** c(i,j) / (c(i) c(j)): favours rare items, which helps coverage more than accuracy. */
        LIFT;

        double of(int cij, int ci, int cj) {
            return switch (this) {
                case COSINE -> cij / Math.sqrt((double) ci * cj);
                case JACCARD -> cij / (double) (ci + cj - cij);
                case LIFT -> cij / ((double) ci * cj);
            };
        }
    }

    /**
     * Hyperparameters.
     *
     * @param neighbours      top-K neighbours kept per item
     * @param halfLife        affinity half-life (recent behaviour counts more), or {@code null} for no time decay
     * @param minCooccurrence pairs seen together by fewer users are ignored (noise guard)
     */
    public record Config(Similarity similarity, int neighbours, Duration halfLife, int minCooccurrence) {
        public Config {
            if (similarity == null || neighbours < 1 || minCooccurrence < 1) {
                throw new IllegalArgumentException("need a similarity, neighbours >= 1 and minCooccurrence >= 1");
            }
            if (halfLife != null && (halfLife.isNegative() || halfLife.isZero())) {
                throw new IllegalArgumentException("halfLife must be positive: " + halfLife);
            }
        }

        public static Config of(Similarity similarity, int neighbours) {
            return new Config(similarity, neighbours, null, 1);
        }

        public Config withHalfLife(Duration h) {
            return new Config(similarity, neighbours, h, minCooccurrence);
        }

        @Override
        public String toString() {
            return similarity.name().toLowerCase(java.util.Locale.ROOT) + " K=" + neighbours
                    + (halfLife == null ? "" : " half-life " + halfLife);
        }
    }

    private final Interactions train;
    private final Config config;
    private final int[] ptr;
    private final int[] neighbour;
    private final float[] similarity;

    private ItemKnn(Interactions train, Config config, int[] ptr, int[] neighbour, float[] similarity) {
        this.train = train;
        this.config = config;
        this.ptr = ptr;
        this.neighbour = neighbour;
        this.similarity = similarity;
    }

    public static Recommender recommender(Config config) {
        return Recommender.of("ItemKnn(" + config + ")", train -> fit(train, config));
    }

    /**
     * Co-occurrence c(i,j) = users who have both (binary, as SAR), turned into a similarity; only the top-K neighbours
     * per item are kept, so memory stays at items × K whatever the catalog's density.
     */
    public static ItemKnn fit(Interactions train, Config config) {
        int n = train.itemCount();
        int k = config.neighbours();
        int[] cooc = new int[n];
        int[] touched = new int[n];
        int[] ptr = new int[n + 1];
        int[] nb = new int[Math.toIntExact(Math.min((long) n * k, Integer.MAX_VALUE - 8))];
        float[] sim = new float[nb.length];
        for (int i = 0; i < n; i++) {
            // Count co-occurrences of i with every item its users have: sum over users of row lengths.
            int t = 0;
            for (int q = train.colStart(i); q < train.colEnd(i); q++) {
                int u = train.userAt(q);
                for (int p = train.rowStart(u); p < train.rowEnd(u); p++) {
                    int j = train.itemAt(p);
                    if (j != i && cooc[j]++ == 0) {
                        touched[t++] = j;
                    }
                }
            }
            TopN top = new TopN(Math.min(k, t));
            int ci = train.itemDegree(i);
            for (int m = 0; m < t; m++) {
                int j = touched[m];
                int c = cooc[j];
                cooc[j] = 0;
                if (c >= config.minCooccurrence()) {
                    top.offer(j, config.similarity().of(c, ci, train.itemDegree(j)));
                }
            }
            int at = ptr[i];
            for (ScoredItem s : top.sorted()) {
                nb[at] = s.item();
                sim[at++] = (float) s.score();
            }
            ptr[i + 1] = at;
        }
        return new ItemKnn(train, config, ptr, Arrays.copyOf(nb, ptr[n]), Arrays.copyOf(sim, ptr[n]));
    }

    public Config config() {
        return config;
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    /** A training user's affinities: their row, decayed to the latest training time when a half-life is set. */
    public History affinities(int user) {
        return train.history(user).decayed(config.halfLife(), train.latestEpochSecond());
    }

    @Override
    public void score(int user, double[] out) {
        score(affinities(user), out);
    }

    /** Scores from a history whose weights are used as affinities as given (decay them first if wanted). */
    @Override
    public void score(History history, double[] out) {
        Arrays.fill(out, 0);
        for (int h = 0; h < history.size(); h++) {
            int j = history.items()[h];
            double a = history.weights()[h];
            for (int p = ptr[j]; p < ptr[j + 1]; p++) {
                out[neighbour[p]] += a * similarity[p];
            }
        }
    }

    /** Sparse {@link #score(History, double[])}: adds each neighbour's affinity × similarity to {@code out}. */
    public void accumulate(History history, SparseScores out) {
        for (int h = 0; h < history.size(); h++) {
            int j = history.items()[h];
            double a = history.weights()[h];
            for (int p = ptr[j]; p < ptr[j + 1]; p++) {
                out.add(neighbour[p], a * similarity[p]);
            }
        }
    }

    /** The n most similar items to {@code item} with their similarity, best first. */
    public List<ScoredItem> similar(int item, int n) {
        List<ScoredItem> out = new ArrayList<>();
        for (int p = ptr[item]; p < ptr[item + 1] && out.size() < n; p++) {
            out.add(new ScoredItem(neighbour[p], similarity[p]));
        }
        return out;
    }

    /** Similarity of {@code b} as a neighbour of {@code a}; 0 when b is not among a's top-K. */
    public double similarity(int a, int b) {
        for (int p = ptr[a]; p < ptr[a + 1]; p++) {
            if (neighbour[p] == b) {
                return similarity[p];
            }
        }
        return 0;
    }

    /**
     * For each of {@code items}, the position in {@code history} of the seen item contributing most (affinity ×
     * similarity) to its score, or -1 when none does: the "because you viewed X" of an explanation. One pass over the
     * seen items' neighbour lists serves the whole list.
     */
    public int[] strongestContributors(History history, int[] items) {
        int[] best = new int[items.length];
        double[] bestContribution = new double[items.length];
        java.util.Arrays.fill(best, -1);
        // A small open-addressing table from item to its place in items: one probe per neighbour scanned.
        int mask = Integer.highestOneBit(Math.max(items.length, 1) * 4) - 1;
        int[] keys = new int[mask + 1];
        int[] place = new int[mask + 1];
        java.util.Arrays.fill(keys, -1);
        for (int k = 0; k < items.length; k++) {
            int x = slot(items[k], mask);
            while (keys[x] != -1 && keys[x] != items[k]) {
                x = (x + 1) & mask;
            }
            keys[x] = items[k];
            place[x] = k;
        }
        for (int h = 0; h < history.size(); h++) {
            int j = history.items()[h];
            double a = history.weights()[h];
            for (int p = ptr[j]; p < ptr[j + 1]; p++) {
                for (int x = slot(neighbour[p], mask); keys[x] != -1; x = (x + 1) & mask) {
                    if (keys[x] == neighbour[p]) {
                        int k = place[x];
                        double c = a * similarity[p];
                        if (c > bestContribution[k]) {
                            bestContribution[k] = c;
                            best[k] = h;
                        }
                        break;
                    }
                }
            }
        }
        return best;
    }

    private static int slot(int item, int mask) {
        return (item * 0x9E3779B9) >>> 7 & mask;
    }
}
