package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;

/**
 * Holt's linear trend method with a damped trend (damping fitted in [0.8, 1]), since undamped trends extrapolated
 * over a month of weekly retail data overshoot. Missing periods advance level and trend without an update.
 */
public record Holt() implements ForecastModel {

    @Override
    public String name() {
        return "holt";
    }

    @Override
    public boolean applicable(History h) {
        return h.observedCount() >= 4;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        int n = h.size();
        double[] y = new double[n];
        for (int t = 0; t < n; t++) {
            y[t] = h.y(t);
        }
        double[] p = Optim.nelderMead(x -> run(y, x[0], x[1], x[2], null),
                new double[] {0.3, 0.05, 0.95}, 0.1, new double[] {0.01, 0.001, 0.8}, new double[] {0.99, 0.5, 1.0},
                150);
        double[] state = new double[2];
        run(y, p[0], p[1], p[2], state);
        double[] f = new double[horizon];
        double damp = 0;
        double phiK = 1;
        for (int k = 0; k < horizon; k++) {
            phiK *= p[2];
            damp += phiK;
            f[k] = state[0] + damp * state[1];
        }
        return f;
    }

    /** Runs the recursions, returns the one-step SSE and, when asked, the final level and trend. */
    static double run(double[] y, double alpha, double beta, double phi, double[] finalState) {
        int first = -1;
        int second = -1;
        for (int t = 0; t < y.length && second < 0; t++) {
            if (!Double.isNaN(y[t])) {
                if (first < 0) {
                    first = t;
                } else {
                    second = t;
                }
            }
        }
        double l = y[first];
        double b = second < 0 ? 0 : (y[second] - y[first]) / (second - first);
        double sse = 0;
        for (int t = first + 1; t < y.length; t++) {
            double fc = l + phi * b;
            if (Double.isNaN(y[t])) {
                l = fc;
                b = phi * b;
                continue;
            }
            double e = y[t] - fc;
            sse += e * e;
            double nl = fc + alpha * e;
            b = phi * b + alpha * beta * e;
            l = nl;
        }
        if (finalState != null) {
            finalState[0] = l;
            finalState[1] = b;
        }
        return sse;
    }
}
