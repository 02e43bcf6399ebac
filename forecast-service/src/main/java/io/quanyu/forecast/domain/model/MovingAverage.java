package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.Arrays;

/** Moving average of the last {@code window} observed periods, flat over the horizon. */
public record MovingAverage(int window) implements ForecastModel {

    public MovingAverage {
        if (window < 1) {
            throw new IllegalArgumentException("window must be positive");
        }
    }

    @Override
    public boolean simple() {
        return true;
    }

    @Override
    public String name() {
        return "moving-average-" + window;
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double sum = 0;
        int c = 0;
        for (int t = h.size() - 1; t >= 0 && c < window; t--) {
            if (!Double.isNaN(h.y(t))) {
                sum += h.y(t);
                c++;
            }
        }
        double[] f = new double[horizon];
        Arrays.fill(f, c == 0 ? Double.NaN : sum / c);
        return f;
    }
}
