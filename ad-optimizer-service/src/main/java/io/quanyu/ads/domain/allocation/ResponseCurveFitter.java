package io.quanyu.ads.domain.allocation;

import java.util.Arrays;
import java.util.List;

/**
 * Fits an {@link ExponentialCurve} to (spend, revenue) periods by least absolute deviations, robust to the odd
 * day with a huge order: for each saturation scale b on a log grid the best ceiling a is the weighted median of
 * revenue / g(spend) with weights g (g = 1 − exp(−spend / b)), and the b with the smallest total absolute error wins.
 *
 * <p>Least absolute deviations fit the median day, which sits below the mean when a campaign makes only a few sales
 * a day (daily revenue is then right-skewed), so low-volume campaigns' curves read somewhat low. With few conversions
 * per day the curvature is noisy too: the ads-policy bench shows the lift promised on fitted curves well above the lift
 * delivered, which is why {@link BudgetConstraints#narrowedAround} exists.
 *
 * <p>When spend hardly varied (max / min below {@value #MIN_SPREAD}) or there are fewer than 3 points, curvature
 * cannot be read from the data; the fit then assumes b = 2 × mean spend (the marginal return at the usual spend is
 * about 3/4 of the average return, a cautious middle) and reports {@code identified = false}.
 */
public final class ResponseCurveFitter {

    /** Spend must vary by at least this factor for the curvature to count as identified. */
    public static final double MIN_SPREAD = 1.2;
    private static final int GRID = 80;

    private ResponseCurveFitter() {
    }

    /** Fits the periods' spend and revenue; periods with zero spend are ignored. */
    public static CurveFit fit(List<DailyStats> days) {
        double[] s = days.stream().mapToDouble(DailyStats::spend).toArray();
        double[] r = days.stream().mapToDouble(DailyStats::revenue).toArray();
        return fit(s, r);
    }

    /** Fits parallel arrays of spend and revenue per period. */
    public static CurveFit fit(double[] spend, double[] revenue) {
        if (spend.length != revenue.length) {
            throw new IllegalArgumentException("spend and revenue must have the same length");
        }
        int n = 0;
        for (double v : spend) {
            n += v > 0 ? 1 : 0;
        }
        double[] s = new double[n];
        double[] y = new double[n];
        for (int i = 0, j = 0; i < spend.length; i++) {
            if (spend[i] > 0) {
                s[j] = spend[i];
                y[j++] = Math.max(0, revenue[i]);
            }
        }
        if (n == 0) {
            return new CurveFit(new ExponentialCurve(0, 1), 0, 0, false);
        }
        double min = Arrays.stream(s).min().orElseThrow();
        double max = Arrays.stream(s).max().orElseThrow();
        double mean = Arrays.stream(s).average().orElseThrow();
        if (n < 3 || max / min < MIN_SPREAD) {
            double b = 2 * mean;
            double a = ceiling(s, y, b);
            return new CurveFit(new ExponentialCurve(a, b), n, error(s, y, a, b) / n, false);
        }
        double logLo = Math.log(0.05 * min);
        double logHi = Math.log(1000 * max);
        double step = (logHi - logLo) / (GRID - 1);
        int bestG = 0;
        double bestErr = Double.POSITIVE_INFINITY;
        for (int g = 0; g < GRID; g++) {
            double err = errorAt(s, y, Math.exp(logLo + step * g));
            // Strictly better only: on ties the smaller b wins, the more cautious reading of flat data.
            if (err < bestErr * (1 - 1e-12)) {
                bestErr = err;
                bestG = g;
            }
        }
        // Golden-section refinement of log b between the best grid point's neighbours.
        double lo = logLo + step * Math.max(0, bestG - 1);
        double hi = logLo + step * Math.min(GRID - 1, bestG + 1);
        double phi = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - phi * (hi - lo);
        double x2 = lo + phi * (hi - lo);
        double e1 = errorAt(s, y, Math.exp(x1));
        double e2 = errorAt(s, y, Math.exp(x2));
        for (int i = 0; i < 40; i++) {
            if (e1 <= e2) {
                hi = x2;
                x2 = x1;
                e2 = e1;
                x1 = hi - phi * (hi - lo);
                e1 = errorAt(s, y, Math.exp(x1));
            } else {
                lo = x1;
                x1 = x2;
                e1 = e2;
                x2 = lo + phi * (hi - lo);
                e2 = errorAt(s, y, Math.exp(x2));
            }
        }
        double b = Math.exp(logLo + step * bestG);
        double refined = Math.exp(e1 <= e2 ? x1 : x2);
        if (Math.min(e1, e2) < bestErr) {
            b = refined;
            bestErr = Math.min(e1, e2);
        }
        return new CurveFit(new ExponentialCurve(ceiling(s, y, b), b), n, bestErr / n, true);
    }

    private static double errorAt(double[] s, double[] y, double b) {
        return error(s, y, ceiling(s, y, b), b);
    }

    /** The weighted median of y_i / g_i with weights g_i: the a minimizing Σ |y_i − a g_i|. */
    private static double ceiling(double[] s, double[] y, double b) {
        int n = s.length;
        double[][] pairs = new double[n][];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double g = -Math.expm1(-s[i] / b);
            pairs[i] = new double[]{y[i] / g, g};
            total += g;
        }
        Arrays.sort(pairs, (p, q) -> Double.compare(p[0], q[0]));
        double acc = 0;
        for (double[] p : pairs) {
            acc += p[1];
            if (acc >= total / 2) {
                return p[0];
            }
        }
        return pairs[n - 1][0];
    }

    private static double error(double[] s, double[] y, double a, double b) {
        double e = 0;
        for (int i = 0; i < s.length; i++) {
            e += Math.abs(y[i] + a * Math.expm1(-s[i] / b));
        }
        return e;
    }
}
