package io.quanyu.recommender.domain;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Implicit-feedback matrix factorisation (Hu, Koren, Volinsky 2008) by ALS with conjugate-gradient solves. */
public final class ImplicitAls implements FactorScorer {

    /**
     * Hyperparameters.
     *
     * @param factors        latent dimensions
     * @param iterations     alternating passes (users, then items)
     * @param alpha          confidence slope: c = 1 + α·weight
     * @param regularization ridge λ
     * @param cgSteps        conjugate-gradient iterations per solve
     * @param seed           initialisation seed
     */
    public record Config(int factors, int iterations, double alpha, double regularization, int cgSteps, long seed) {
        public Config {
            if (factors < 1 || iterations < 0 || !(alpha > 0) || !(regularization > 0) || cgSteps < 1) {
                throw new IllegalArgumentException("invalid ALS config");
            }
        }

        @Override
        public String toString() {
            return "k=" + factors + " it=" + iterations + " alpha=" + alpha + " reg=" + regularization;
        }
    }

    private final Interactions train;
    private final Config config;
    private final int k;
    private final double[] userFactors;
    private final double[] itemFactors;
    /** FᵀF of the final item factors, computed on the first fold-in (a benign race: any thread's copy is equal). */
    private volatile double[] itemGram;

    private ImplicitAls(Interactions train, Config config) {
        this.train = train;
        this.config = config;
        this.k = config.factors();
        SplittableRandom rnd = new SplittableRandom(config.seed());
        userFactors = new double[train.userCount() * k];
        itemFactors = new double[train.itemCount() * k];
        for (int x = 0; x < itemFactors.length; x++) {
            itemFactors[x] = rnd.nextGaussian() * 0.01;
        }
    }

    public static Recommender recommender(Config config) {
        return Recommender.of("ALS(" + config + ")", train -> fit(train, config));
    }

    public static ImplicitAls fit(Interactions train, Config config) {
        ImplicitAls m = new ImplicitAls(train, config);
        for (int it = 0; it < config.iterations(); it++) {
            m.halfStep(true);
            m.halfStep(false);
        }
        return m;
    }

    public Config config() {
        return config;
    }

    /**
     * Solves every user (or item) against the other side's frozen factors. Every cell is a target (1 where the user
     * interacted, 0 elsewhere) with confidence 1 + α·weight, so unobserved items are weak negatives, not unknowns.
     * Each k×k ridge system gets a few conjugate-gradient steps warm-started from the previous solution (Takács et
     * al. 2011): O(nnz·k) per pass instead of the O(nnz·k²) of forming every normal matrix. Rows are independent, so
     * solving them in parallel changes no result.
     */
    private void halfStep(boolean users) {
        double[] fixed = users ? itemFactors : userFactors;
        double[] solved = users ? userFactors : itemFactors;
        double[] gram = gram(fixed);
        int n = users ? train.userCount() : train.itemCount();
        java.util.stream.IntStream.range(0, n).parallel().forEach(r -> {
            int from = users ? train.rowStart(r) : train.colStart(r);
            int to = users ? train.rowEnd(r) : train.colEnd(r);
            int[] others = new int[to - from];
            double[] weights = new double[to - from];
            for (int p = from; p < to; p++) {
                others[p - from] = users ? train.itemAt(p) : train.userAt(p);
                weights[p - from] = users ? train.weightAt(p) : train.colWeightAt(p);
            }
            solve(fixed, gram, others, weights, solved, r * k, config.cgSteps());
        });
    }

    /** FᵀF of a factor matrix: the "every cell is a zero with confidence 1" part shared by all solves. */
    private double[] gram(double[] f) {
        double[] g = new double[k * k];
        int rows = f.length / k;
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            for (int a = 0; a < k; a++) {
                double fa = f[o + a];
                for (int b = a; b < k; b++) {
                    g[a * k + b] += fa * f[o + b];
                }
            }
        }
        for (int a = 0; a < k; a++) {
            for (int b = 0; b < a; b++) {
                g[a * k + b] = g[b * k + a];
            }
        }
        return g;
    }

    /**
     * Conjugate gradient on (FᵀF + Fᵀ(C−I)F + λI) x = Fᵀ C p over the observed rows {@code others}, starting from
     * {@code x[xo..xo+k)} in place. Non-positive weights are ignored (they mean "no interaction").
     */
    private void solve(double[] f, double[] gram, int[] others, double[] weights, double[] x, int xo, int steps) {
        double[] r = new double[k];
        double[] ap = new double[k];
        // r = b − A x
        multiply(f, gram, others, weights, x, xo, r);
        for (int a = 0; a < k; a++) {
            r[a] = -r[a];
        }
        for (int h = 0; h < others.length; h++) {
            if (weights[h] > 0) {
                double c = 1 + config.alpha() * weights[h];
                int o = others[h] * k;
                for (int a = 0; a < k; a++) {
                    r[a] += c * f[o + a];
                }
            }
        }
        double[] p = r.clone();
        double rr = dot(r, r);
        // Stop once the residual fell a millionfold: the ridge keeps the system well conditioned, so a fold-in
        // typically gets there in a fraction of its k allowed steps.
        double done = Math.max(1e-20, rr * 1e-12);
        for (int s = 0; s < steps && rr > done; s++) {
            multiply(f, gram, others, weights, p, 0, ap);
            double step = rr / dot(p, ap);
            for (int a = 0; a < k; a++) {
                x[xo + a] += step * p[a];
                r[a] -= step * ap[a];
            }
            double next = dot(r, r);
            for (int a = 0; a < k; a++) {
                p[a] = r[a] + next / rr * p[a];
            }
            rr = next;
        }
    }

    /** out = (FᵀF + λI) v + Σ_observed (c−1) f (f·v), without forming the matrix. */
    private void multiply(double[] f, double[] gram, int[] others, double[] weights, double[] v, int vo, double[] out) {
        for (int a = 0; a < k; a++) {
            double s = config.regularization() * v[vo + a];
            for (int b = 0; b < k; b++) {
                s += gram[a * k + b] * v[vo + b];
            }
            out[a] = s;
        }
        for (int h = 0; h < others.length; h++) {
            if (weights[h] > 0) {
                int o = others[h] * k;
                double fv = 0;
                for (int a = 0; a < k; a++) {
                    fv += f[o + a] * v[vo + a];
                }
                double scale = config.alpha() * weights[h] * fv;
                for (int a = 0; a < k; a++) {
                    out[a] += scale * f[o + a];
                }
            }
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The least-squares user vector for a history against the frozen item factors (the same solve training makes,
     * with enough CG steps to converge from zero), for real-time updates without retraining. Exact, and independent
     * of every other user.
     */
    public double[] foldIn(int[] items, double[] weights) {
        double[] x = new double[k];
        solve(itemFactors, itemGram(), items, weights, x, 0, Math.max(config.cgSteps(), k));
        return x;
    }

    public double[] foldIn(History history) {
        return foldIn(history.items(), history.weights());
    }

    private double[] itemGram() {
        double[] g = itemGram;
        if (g == null) {
            g = gram(itemFactors);
            itemGram = g;
        }
        return g;
    }

    public double[] userFactors(int user) {
        return Arrays.copyOfRange(userFactors, user * k, (user + 1) * k);
    }

    @Override
    public int dimensions() {
        return k;
    }

    @Override
    public float[] itemVectors() {
        float[] out = new float[itemFactors.length];
        for (int x = 0; x < out.length; x++) {
            out[x] = (float) itemFactors[x];
        }
        return out;
    }

    @Override
    public double[] userVector(int user) {
        return userFactors(user);
    }

    @Override
    public double[] userVector(History history) {
        return foldIn(history);
    }

    @Override
    public int itemCount() {
        return train.itemCount();
    }

    @Override
    public void score(int user, double[] out) {
        score(userFactors, user * k, out);
    }

    @Override
    public void score(History history, double[] out) {
        score(foldIn(history), 0, out);
    }

    public void score(double[] userVector, double[] out) {
        score(userVector, 0, out);
    }

    private void score(double[] users, int uo, double[] out) {
        for (int i = 0; i < out.length; i++) {
            int io = i * k;
            double s = 0;
            for (int a = 0; a < k; a++) {
                s += users[uo + a] * itemFactors[io + a];
            }
            out[i] = s;
        }
    }
}
