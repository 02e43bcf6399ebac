package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;

/**
 * ARIMA(p,1,q) without drift: an ARMA fitted to the first differences by Hannan-Rissanen two-stage least squares,
 * orders (p ≤ 2, q ≤ 1) chosen by AIC. Gaps are interpolated first because differencing needs a full grid.
 */
public record Arima() implements ForecastModel {

    private static final int[][] ORDERS = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 0}, {2, 1}};

    @Override
    public String name() {
        return "arima";
    }

    @Override
    public boolean applicable(History h) {
        return h.observedCount() >= 12;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double[] x = h.interpolated();
        int n = x.length;
        double[] z = new double[n - 1];
        for (int t = 1; t < n; t++) {
            z[t - 1] = x[t] - x[t - 1];
        }
        double[] innov = longArResiduals(z);
        double bestAic = Double.POSITIVE_INFINITY;
        double[] best = null;
        int bestP = 0;
        int bestQ = 0;
        for (int[] o : ORDERS) {
            double[] coef = fitArma(z, innov, o[0], o[1]);
            if (coef == null) {
                continue;
            }
            double[] e = residuals(z, coef, o[0], o[1]);
            double ss = 0;
            int m = 0;
            for (int t = Math.max(o[0], o[1]); t < z.length; t++) {
                ss += e[t] * e[t];
                m++;
            }
            double aic = m * Math.log(ss / m + 1e-12) + 2 * (o[0] + o[1]);
            if (aic < bestAic) {
                bestAic = aic;
                best = coef;
                bestP = o[0];
                bestQ = o[1];
            }
        }
        double[] e = residuals(z, best, bestP, bestQ);
        double[] zz = new double[z.length + horizon];
        System.arraycopy(z, 0, zz, 0, z.length);
        double[] f = new double[horizon];
        double level = x[n - 1];
        for (int k = 0; k < horizon; k++) {
            int t = z.length + k;
            double v = 0;
            for (int i = 1; i <= bestP; i++) {
                v += best[i - 1] * zz[t - i];
            }
            for (int j = 1; j <= bestQ; j++) {
                int s = t - j;
                v += s < z.length ? best[bestP + j - 1] * e[s] : 0;
            }
            zz[t] = v;
            level += v;
            f[k] = level;
        }
        return f;
    }

    // Stage one of Hannan-Rissanen: a long autoregression whose residuals stand in for the unobserved innovations.
    private static double[] longArResiduals(double[] z) {
        int k = Math.max(1, Math.min(8, z.length / 5));
        double[] e = new double[z.length];
        if (z.length <= 2 * k + 2) {
            return e;
        }
        int rows = z.length - k;
        double[][] x = new double[rows][k];
        double[] y = new double[rows];
        for (int t = k; t < z.length; t++) {
            for (int i = 0; i < k; i++) {
                x[t - k][i] = z[t - 1 - i];
            }
            y[t - k] = z[t];
        }
        double[] ridge = new double[k];
        java.util.Arrays.fill(ridge, 1e-6);
        double[] a = LeastSquares.solve(x, y, ridge, null);
        for (int t = k; t < z.length; t++) {
            double v = z[t];
            for (int i = 0; i < k; i++) {
                v -= a[i] * z[t - 1 - i];
            }
            e[t] = v;
        }
        return e;
    }

    // Stage two: regress z_t on its own lags and the lagged stage-one innovations; rejects non-stationary or
    // non-invertible fits, which would make multi-step forecasts explode.
    private static double[] fitArma(double[] z, double[] innov, int p, int q) {
        if (p + q == 0) {
            return new double[0];
        }
        int start = Math.max(p, q) + Math.min(8, Math.max(1, z.length / 5));
        int rows = z.length - start;
        if (rows < 3 * (p + q) + 4) {
            return null;
        }
        double[][] x = new double[rows][p + q];
        double[] y = new double[rows];
        for (int t = start; t < z.length; t++) {
            for (int i = 0; i < p; i++) {
                x[t - start][i] = z[t - 1 - i];
            }
            for (int j = 0; j < q; j++) {
                x[t - start][p + j] = innov[t - 1 - j];
            }
            y[t - start] = z[t];
        }
        double[] ridge = new double[p + q];
        java.util.Arrays.fill(ridge, 1e-6);
        double[] c = LeastSquares.solve(x, y, ridge, null);
        boolean stationary = p == 0 || (p == 1 ? Math.abs(c[0]) < 0.98
                : c[0] + c[1] < 0.98 && c[1] - c[0] < 0.98 && Math.abs(c[1]) < 0.98);
        boolean invertible = q == 0 || Math.abs(c[p]) < 0.98;
        return stationary && invertible ? c : null;
    }

    private static double[] residuals(double[] z, double[] c, int p, int q) {
        double[] e = new double[z.length];
        for (int t = 0; t < z.length; t++) {
            double v = z[t];
            for (int i = 1; i <= p && t - i >= 0; i++) {
                v -= c[i - 1] * z[t - i];
            }
            for (int j = 1; j <= q && t - j >= 0; j++) {
                v -= c[p + j - 1] * e[t - j];
            }
            e[t] = v;
        }
        return e;
    }
}
