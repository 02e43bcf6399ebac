package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import java.util.ArrayList;
import java.util.List;

/** The standard candidate set, and the guard that turns any model output into usable forecasts. */
public final class Models {

    private Models() {
    }

    /** Every model the selection may choose from, for a given season length. */
    public static List<ForecastModel> candidates(int seasonalPeriod) {
        List<ForecastModel> m = new ArrayList<>();
        m.add(new Naive());
        m.add(new SeasonalNaive(seasonalPeriod));
        m.add(new MovingAverage(4));
        m.add(new SimpleExpSmoothing());
        m.add(new Holt());
        m.add(new HoltWinters(seasonalPeriod));
        m.add(new Arima());
        m.add(new Croston(Croston.Variant.CROSTON));
        m.add(new Croston(Croston.Variant.SBA));
        m.add(new Croston(Croston.Variant.TSB));
        m.add(Regression.plain());
        m.add(Regression.autoregressive());
        m.add(Regression.local());
        m.add(Regression.seasonal(seasonalPeriod));
        return m;
    }

    /**
     * Forecasts that are finite and non-negative whatever the model does: a failing or non-finite model falls back to
     * the last observed value (or zero for an empty history), negative demand is cut to zero.
     */
    public static double[] sanitized(ForecastModel model, History h, int horizon) {
        double[] f;
        try {
            f = model.applicable(h) ? model.forecast(h, horizon) : null;
        } catch (RuntimeException e) {
            f = null; // a numerical failure on odd data must not fail the whole series
        }
        double fallback = h.lastObserved();
        if (!Double.isFinite(fallback)) {
            fallback = 0;
        }
        double[] out = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            double v = f == null || k >= f.length ? fallback : f[k];
            out[k] = Double.isFinite(v) ? Math.max(0, v) : fallback;
        }
        return out;
    }
}
