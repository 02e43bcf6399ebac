package io.quanyu.recommender.domain;

import java.util.Arrays;
import java.util.List;

/** User-based collaborative filtering: cosine between weighted user rows, top-K neighbours, neighbour sums. */
public final class UserKnn implements Scorer {

    /**
     * Hyperparameters.
     *
     * @param neighbours top-K similar users that vote
     * @param exponent   similarities are raised to this power before voting; above 1 it sharpens towards the closest
     */
    public record Config(int neighbours, double exponent) {
        public Config {
            if (neighbours < 1 || !(exponent > 0)) {
                throw new IllegalArgumentException("neighbours must be >= 1 and exponent > 0");
            }
        }

        @Override
        public String toString() {
            return "K=" + neighbours + (exponent == 1 ? "" : " exp=" + exponent);
        }
    }

    private final Interactions train;
    private final Config config;
    private final double[] norm;

    private UserKnn(Interactions train, Config config, double[] norm) {
        this.train = train;
        this.config = config;
        this.norm = norm;
    }

    public static Recommender recommender(Config config) {
        return Recommender.of("UserKnn(" + config + ")", train -> fit(train, config));
    }

    public static UserKnn fit(Interactions train, Config config) {
        double[] norm = new double[train.userCount()];
        for (int u = 0; u < norm.length; u++) {
            double s = 0;
            for (int p = train.rowStart(u); p < train.rowEnd(u); p++) {
                s += train.weightAt(p) * train.weightAt(p);
            }
            norm[u] = Math.sqrt(s);
        }
        return new UserKnn(train, config, norm);
    }

    public Config config() {
        return config;
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    @Override
    public void score(int user, double[] out) {
        score(train.history(user), user, out);
    }

    @Override
    public void score(History history, double[] out) {
        score(history, -1, out);
    }

    /**
     * The top-K neighbours of a history (user index, cosine), best first; {@code self} (or -1) is skipped. Found at
     * query time through the item columns, so a live history (new or just-updated user) needs no refit.
     */
    public List<ScoredItem> neighbours(History history, int self) {
        return neighbours(history, self, new SparseScores(train.userCount()));
    }

    /** As {@link #neighbours(History, int)}, accumulating dot products in {@code work} (cleared on return). */
    public List<ScoredItem> neighbours(History history, int self, SparseScores work) {
        double hNorm = 0;
        for (int h = 0; h < history.size(); h++) {
            int i = history.items()[h];
            double w = history.weights()[h];
            hNorm += w * w;
            for (int q = train.colStart(i); q < train.colEnd(i); q++) {
                work.add(train.userAt(q), w * train.colWeightAt(q));
            }
        }
        TopN top = new TopN(config.neighbours());
        if (hNorm > 0) {
            hNorm = Math.sqrt(hNorm);
            for (int k = 0; k < work.size(); k++) {
                int v = work.index(k);
                double dot = work.get(v);
                if (v != self && dot > 0) {
                    top.offer(v, dot / (hNorm * norm[v]));
                }
            }
        }
        work.clear();
        return top.sorted();
    }

    /** Adds the neighbours' rows, weighted by similarity to the power of the exponent, to {@code out}. */
    public void accumulate(List<ScoredItem> neighbours, SparseScores out) {
        for (ScoredItem nb : neighbours) {
            int v = nb.item();
            double s = config.exponent() == 1 ? nb.score() : Math.pow(nb.score(), config.exponent());
            for (int p = train.rowStart(v); p < train.rowEnd(v); p++) {
                out.add(train.itemAt(p), s * train.weightAt(p));
            }
        }
    }

    /** Scores for a live history of a training user {@code self}, who must not be their own neighbour (-1: none). */
    public void score(History history, int self, double[] out) {
        Arrays.fill(out, 0);
        for (ScoredItem nb : neighbours(history, self)) {
            int v = nb.item();
            double s = config.exponent() == 1 ? nb.score() : Math.pow(nb.score(), config.exponent());
            for (int p = train.rowStart(v); p < train.rowEnd(v); p++) {
                out[train.itemAt(p)] += s * train.weightAt(p);
            }
        }
    }
}
