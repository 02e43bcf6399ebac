package io.quanyu.forecast.domain.model;

import io.quanyu.forecast.domain.History;
import io.quanyu.forecast.domain.PlausibleRange;
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
     * A model's forecasts made usable, and whether the model left the history's {@link PlausibleRange}.
     *
     * @param forecast   finite values inside the range
     * @param outOfRange whether any raw value was above the range (the lower edge, 0, is only enforced: a slightly
     *                   negative forecast of a series declining to zero is harmless once cut)
     */
    public record Output(double[] forecast, boolean outOfRange) {
    }

    /** {@link #bounded}'s forecasts alone. */
    public static double[] sanitized(ForecastModel model, History h, int horizon) {
        return bounded(model, h, horizon).forecast();
    }

    /**
     * Forecasts that are finite and inside the history's plausible range whatever the model does: a failing or
     * NaN model falls back to the last observed value (or zero for an empty history), negative demand is cut to
     * zero, and demand above the range is cut to its upper edge and reported.
     */
    public static Output bounded(ForecastModel model, History h, int horizon) {
        double[] f;
        try {
            f = model.applicable(h) ? model.forecast(h, horizon) : null;
        } catch (RuntimeException e) {
            f = null; // a numerical failure on odd data must not fail the whole series
        }
        PlausibleRange range = PlausibleRange.of(h);
        double fallback = h.lastObserved();
        if (!Double.isFinite(fallback)) {
            fallback = 0;
        }
        boolean out = false;
        double[] result = new double[horizon];
        for (int k = 0; k < horizon; k++) {
            double v = f == null || k >= f.length ? fallback : f[k];
            if (Double.isNaN(v)) {
                v = fallback;
            }
            out |= v > range.upper(); // an overflow to +infinity is the worst way of leaving the range

            result[k] = range.clamp(v);
        }
        return new Output(result, out);
    }
}
