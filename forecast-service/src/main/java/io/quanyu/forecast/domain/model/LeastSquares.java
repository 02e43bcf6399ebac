package io.quanyu.forecast.domain.model;

/**
 * Ridge-stabilised least squares through the normal equations and a Cholesky factorisation: the design matrices here
 * have a handful of columns, so this is exact enough and needs no native LAPACK.
 */
public final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * Minimises |y - Xb|^2 + sum_j ridge_j (b_j - prior_j)^2. A small ridge on a column that never varies (a
     * promotion never run in the history) pins its coefficient to the prior instead of making the system singular.
     *
     * @param x     rows of the design matrix
     * @param y     targets
     * @param ridge per-column penalty, 0 for none (keep it 0 for the intercept)
     * @param prior per-column value the penalty shrinks towards; null means zeros
     */
    public static double[] solve(double[][] x, double[] y, double[] ridge, double[] prior) {
        return solve(x, y, null, ridge, prior);
    }

    /** Weighted variant: row i counts {@code w[i]} times (null = all ones). */
    public static double[] solve(double[][] x, double[] y, double[] w, double[] ridge, double[] prior) {
        int p = ridge.length;
        double[][] a = new double[p][p];
        double[] r = new double[p];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double wi = w == null ? 1.0 : w[i];
            for (int j = 0; j < p; j++) {
                double v = row[j] * wi;
                if (v == 0) {
                    continue;
                }
                r[j] += v * y[i];
                for (int k = 0; k <= j; k++) {
                    a[j][k] += v * row[k];
                }
            }
        }
        for (int j = 0; j < p; j++) {
            a[j][j] += ridge[j] + 1e-10 * (1 + a[j][j]);
            r[j] += ridge[j] * (prior == null ? 0 : prior[j]);
        }
        return cholSolve(a, r);
    }

    /** Solves A b = r for symmetric positive definite A given by its lower triangle. */
    static double[] cholSolve(double[][] a, double[] r) {
        int p = r.length;
        double[][] l = new double[p][p];
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= l[j][k] * l[j][k];
            }
            if (!(d > 0)) {
                d = 1e-12; // numerically singular column: its coefficient collapses to ~0
            }
            l[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                l[i][j] = s / l[j][j];
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = r[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * z[k];
            }
            z[i] = s / l[i][i];
        }
        double[] b = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= l[k][i] * b[k];
            }
            b[i] = s / l[i][i];
        }
        return b;
    }
}
