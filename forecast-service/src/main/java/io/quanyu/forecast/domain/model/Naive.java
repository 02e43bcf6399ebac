package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.Arrays;

/** Naive forecast: every future period equals the last observed demand. */
public record Naive() implements ForecastModel {

    @Override
    public boolean simple() {
        return true;
    }

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public double[] forecast(History h, int horizon) {
        double[] f = new double[horizon];
        Arrays.fill(f, h.lastObserved());
        return f;
    }
}
