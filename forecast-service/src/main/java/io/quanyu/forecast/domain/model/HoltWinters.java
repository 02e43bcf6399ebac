package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;

/**
 * Additive Holt-Winters with a damped trend for a given season length; needs two full seasons to initialise.
 * Gaps are interpolated first because the seasonal index must advance with the calendar.
 */
public record HoltWinters(int period) implements ForecastModel {

    public HoltWinters {
        if (period < 2) {
            throw new IllegalArgumentException("period must be at least 2");
        }
    }

    @Override
    public String name() {
        return "holt-winters";
    }

    @Override
    public boolean applicable(History h) {
        return h.size() >= 2 * period + 2 && h.observedCount() >= 2 * period;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double[] y = h.interpolated();
        double[] p = Optim.nelderMead(x -> run(y, x[0], x[1], x[2], null), new double[] {0.2, 0.02, 0.1}, 0.1,
                new double[] {0.01, 0.0, 0.0}, new double[] {0.99, 0.3, 0.99}, 200);
        double[] state = new double[2 + period];
        run(y, p[0], p[1], p[2], state);
        double[] f = new double[horizon];
        double damp = 0;
        double phiK = 1;
        int n = y.length;
        for (int k = 0; k < horizon; k++) {
            phiK *= PHI;
            damp += phiK;
            f[k] = state[0] + damp * state[1] + state[2 + Math.floorMod(n + k, period)];
        }
        return f;
    }

    private static final double PHI = 0.98;

    /** One-step SSE after the two initialisation seasons; fills level, trend and the seasonal indices by phase. */
    private double run(double[] y, double alpha, double beta, double gamma, double[] out) {
        int m = period;
        double mean1 = 0;
        double mean2 = 0;
        for (int i = 0; i < m; i++) {
            mean1 += y[i] / m;
            mean2 += y[m + i] / m;
        }
        double[] s = new double[m];
        for (int i = 0; i < m; i++) {
            // average of the two first seasons' deviations, indexed by calendar phase
            s[i] = ((y[i] - mean1) + (y[m + i] - mean2)) / 2;
        }
        double b = (mean2 - mean1) / m;
        double l = mean2 + b * (m - 1) / 2.0;
        double sse = 0;
        for (int t = 2 * m; t < y.length; t++) {
            int ph = t % m;
            double fc = l + PHI * b + s[ph];
            double e = y[t] - fc;
            sse += e * e;
            double nl = l + PHI * b + alpha * e;
            b = PHI * b + alpha * beta * e;
            s[ph] += gamma * (1 - alpha) * e;
            l = nl;
        }
        if (out != null) {
            out[0] = l;
            out[1] = b;
            System.arraycopy(s, 0, out, 2, m);
        }
        return sse;
    }
}
