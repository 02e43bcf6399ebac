package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;

/** Seasonal naive forecast: demand of the same period one season earlier, the naive value where that is missing. */
public record SeasonalNaive(int period) implements ForecastModel {

    public SeasonalNaive {
        if (period < 1) {
            throw new IllegalArgumentException("period must be positive");
        }
    }

    @Override
    public boolean simple() {
        return true;
    }

    @Override
    public String name() {
        return "seasonal-naive";
    }

    @Override
    public double[] forecast(History h, int horizon) {
        int n = h.size();
        double last = h.lastObserved();
        double[] f = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            // step back whole seasons until inside the history, so horizons beyond one season still work
            int t = n + k - period;
            while (t >= n) {
                t -= period;
            }
            f[k] = t >= 0 && !Double.isNaN(h.y(t)) ? h.y(t) : last;
        }
        return f;
    }

    @Override
    public boolean applicable(History h) {
        return h.size() > period;
    }
}
