package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.Feature;
import io.quanyu.forecast.domain.FeatureKind;
import io.quanyu.forecast.domain.History;

/**
 * Log-linear demand regression: log(1 + units) on log prices, promotion intensities, other drivers and optional
 * Fourier seasonality, with optional error dynamics, recency weighting and shrinkage towards pooled coefficients.
 * Future drivers come from the features' known plan. Missing weeks are simply absent rows.
 *
 * @param name           reported name
 * @param seasonalPeriod season length for the Fourier terms
 * @param fourierTerms   number of sine/cosine pairs (0 for none; needs two seasons of history)
 * @param dynamics       what the residuals contribute to the forecast
 * @param halfLife       weeks after which a row's weight in the fit halves (0 = ordinary least squares)
 * @param ridge          shrinkage of the non-intercept coefficients towards the prior, as a multiple of each
 *                       column's sum of squared deviations (1 pulls a lone coefficient about halfway)
 * @param prior          coefficients to shrink towards, intercept slot ignored; null for zeros
 */
public record Regression(String name, int seasonalPeriod, int fourierTerms, Dynamics dynamics, double halfLife,
                         double ridge, double[] prior) implements ForecastModel {

    /**
     * How far past its fitted range, as a share of that range, a planned driver is still taken at its value. Chosen on
     * half of Dominick's stores (margins 0, 0.1, 0.25, 0.5 and 1 gave the selection 0.429, 0.428, 0.427, 0.426 and
     * 0.425 MASE): a new low price a little under the old ones keeps most of its effect, a driver that never varied
     * is not extrapolated at all, and none moves more than half its own span into the unknown.
     */
    static final double DRIVER_MARGIN = 0.5;

    /** How the fitted residuals carry into the forecast. */
    public enum Dynamics {
        /** They do not: the plain regression. */
        NONE,
        /** The last residual decays with a fitted AR(1) coefficient: short-lived shocks. */
        AR1,
        /** An exponentially smoothed residual level persists: the store's demand level drifts. */
        LOCAL_LEVEL
    }

    /** Plain least squares on the features: the calibration regression. */
    public static Regression plain() {
        return new Regression("regression", 52, 0, Dynamics.NONE, 0, 0, null);
    }

    /** Least squares with AR(1) errors. */
    public static Regression autoregressive() {
        return new Regression("regression-ar", 52, 0, Dynamics.AR1, 0, 0, null);
    }

    /** Recency-weighted (half-life one year) with a drifting level. */
    public static Regression local() {
        return new Regression("regression-local", 52, 0, Dynamics.LOCAL_LEVEL, 52, 0, null);
    }

    /** With annual Fourier seasonality (two harmonics), only used with two years of history. */
    public static Regression seasonal(int period) {
        return new Regression("regression-seasonal", period, 2, Dynamics.AR1, 0, 0.1, null);
    }

    /** {@link #local()} as the template that {@link Pooling} shrinks towards a group's coefficients (strength 1). */
    public static Regression pooledTemplate() {
        return new Regression("regression-pooled", 52, 0, Dynamics.LOCAL_LEVEL, 52, 1.0, null);
    }

    /** The same specification shrunk towards given coefficients (intercept slot ignored) instead of zero. */
    public Regression withPrior(double[] coefficients) {
        return new Regression(name, seasonalPeriod, fourierTerms, dynamics, halfLife, ridge,
                coefficients == null ? null : coefficients.clone());
    }

    @Override
    public boolean applicable(History h) {
        return h.observedCount() >= columns(h) + 3 && (fourierTerms == 0 || h.size() >= 2 * seasonalPeriod);
    }

    int columns(History h) {
        return 1 + h.features().size() + 2 * fourierTerms;
    }

    /** The design row of period t. */
    double[] row(History h, int t) {
        double[] r = new double[columns(h)];
        r[0] = 1;
        int j = 1;
        for (Feature f : h.features()) {
            double v = f.at(t);
            r[j++] = f.kind() == FeatureKind.PRICE ? Math.log(Math.max(v, 1e-9)) : v;
        }
        for (int k = 1; k <= fourierTerms; k++) {
            double w = 2 * Math.PI * k * t / seasonalPeriod;
            r[j++] = Math.sin(w);
            r[j++] = Math.cos(w);
        }
        return r;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        Fit fit = fit(h);
        int drivers = 1 + h.features().size();
        double[] f = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            int t = h.size() + k;
            double[] r = row(h, t);
            // A planned price or promotion far outside what the fit has seen is read as the nearest value within a
            // margin of it: a log-linear elasticity holds, if at all, near where it was measured, and extrapolated it
            // multiplies demand without limit.
            for (int j = 1; j < drivers && fit.low != null; j++) {
                double margin = DRIVER_MARGIN * (fit.high[j] - fit.low[j]);
                r[j] = Math.max(fit.low[j] - margin, Math.min(fit.high[j] + margin, r[j]));
            }
            double v = dot(fit.beta, r);
            if (fit.lastIndex >= 0) {
                v += Math.pow(fit.persistence, t - fit.lastIndex) * fit.residualLevel;
            }
            f[k] = Math.expm1(v);
        }
        return f;
    }

    /**
     * A fitted model: coefficients, how much of the residual level persists per period, that level, the index of
     * the last observed period, and each design column's smallest and largest value in the fitted rows (null when no
     * row was fitted).
     */
    public record Fit(double[] beta, double persistence, double residualLevel, int lastIndex, double[] low,
                      double[] high) {
    }

    public Fit fit(History h) {
        int n = h.size();
        int m = h.observedCount();
        double[][] x = new double[m][];
        double[] y = new double[m];
        int[] idx = new int[m];
        int i = 0;
        for (int t = 0; t < n; t++) {
            if (!Double.isNaN(h.y(t))) {
                x[i] = row(h, t);
                y[i] = Math.log1p(h.y(t));
                idx[i++] = t;
            }
        }
        int p = columns(h);
        double[] pen = new double[p];
        for (int j = 1; j < p; j++) {
            // relative to the column's spread, so one ridge value means the same shrinkage for prices and flags
            pen[j] = ridge * sumSquaredDeviation(x, j) + 1e-6;
        }
        double[] w = null;
        if (halfLife > 0) {
            w = new double[m];
            for (int k = 0; k < m; k++) {
                w[k] = Math.pow(0.5, (n - 1 - idx[k]) / halfLife);
            }
        }
        double[] beta = LeastSquares.solve(x, y, w, pen, prior != null && prior.length == p ? prior : null);
        double[] low = m == 0 ? null : columnBound(x, p, -1);
        double[] high = m == 0 ? null : columnBound(x, p, 1);
        if (m == 0 || dynamics == Dynamics.NONE) {
            return new Fit(beta, 0, 0, -1, low, high);
        }
        double[] e = new double[m];
        for (int k = 0; k < m; k++) {
            e[k] = y[k] - dot(beta, x[k]);
        }
        if (dynamics == Dynamics.AR1) {
            return new Fit(beta, arCoefficient(e, idx), e[m - 1], idx[m - 1], low, high);
        }
        double alpha = m < 3 ? 0.3 : Optim.golden(a -> SimpleExpSmoothing.sse(e, a), 0.01, 0.99, 1e-3);
        return new Fit(beta, 1.0, SimpleExpSmoothing.level(e, alpha), idx[m - 1], low, high);
    }

    // Lag-one autocorrelation over consecutive observed weeks; clamped to [0, 0.95] so a forecast never oscillates
    // or carries a shock forever.
    private static double arCoefficient(double[] e, int[] idx) {
        double num = 0;
        double den = 0;
        for (int k = 1; k < e.length; k++) {
            if (idx[k] == idx[k - 1] + 1) {
                num += e[k] * e[k - 1];
                den += e[k - 1] * e[k - 1];
            }
        }
        return den == 0 ? 0 : Math.max(0, Math.min(0.95, num / den));
    }

    /** Per column, the smallest (sign -1) or largest (sign 1) value over the rows. */
    private static double[] columnBound(double[][] x, int p, int sign) {
        double[] b = new double[p];
        java.util.Arrays.fill(b, sign < 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
        for (double[] r : x) {
            for (int j = 0; j < p; j++) {
                b[j] = sign < 0 ? Math.min(b[j], r[j]) : Math.max(b[j], r[j]);
            }
        }
        return b;
    }

    private static double sumSquaredDeviation(double[][] x, int j) {
        double mean = 0;
        for (double[] r : x) {
            mean += r[j] / x.length;
        }
        double ss = 0;
        for (double[] r : x) {
            ss += (r[j] - mean) * (r[j] - mean);
        }
        return ss;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Regression r && r.name.equals(name) && r.seasonalPeriod == seasonalPeriod
                && r.fourierTerms == fourierTerms && r.dynamics == dynamics && r.halfLife == halfLife
                && r.ridge == ridge && java.util.Arrays.equals(r.prior, prior);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, seasonalPeriod, fourierTerms, dynamics, halfLife, ridge,
                java.util.Arrays.hashCode(prior));
    }

    @Override
    public String toString() {
        return "Regression[" + name + ", " + dynamics + ", half-life " + halfLife + ", ridge " + ridge
                + (prior == null ? "" : ", pooled prior") + "]";
    }
}
