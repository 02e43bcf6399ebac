package io.quanyu.forecast.domain;

/**
 * The demand a series' own history makes plausible for its next weeks: [0, k(m) × largest observed week], m being
 * the observed weeks. No forecast, median or interval bound leaves it, and a model whose backtest forecasts do is
 * disqualified for that series.
 *
 * <p>Why k(m) = 4 × sqrt(26 / m), between 4 and 20: on Dominick's OJ (913 series, every origin, horizons 1-4) a
 * target above 4 × the largest week before its origin is 0.14 % of targets once 26 weeks are known (0.09 % at 52,
 * none at 104), but 1-4 % with 2-8 weeks known, where the largest week has rarely seen a promotion yet: the 99th
 * percentile of the ratio is then 6-10. The square root widens the bound by about that much for short histories; the
 * cap at 20 keeps one-week histories finite. A log-linear regression extrapolated past its prices goes far beyond it
 * (issue 20 saw thousands of times the largest week), an ordinary promotion does not.
 *
 * <p>A history with no sales at all (all zeros, or empty) has the range [0, 0]: nothing in it supports any demand, so
 * the forecast is zero until a sale is seen.
 *
 * @param lower  0 (demand is never negative)
 * @param upper  the largest plausible demand of one period
 */
public record PlausibleRange(double lower, double upper) {

    /** Multiple of the largest week allowed once half a year is known. */
    static final double BASE_MULTIPLE = 4;
    /** Observed weeks from which the base multiple applies. */
    static final int SETTLED_WEEKS = 26;
    /** Widest multiple, for a one-week history. */
    static final double MAX_MULTIPLE = 20;

    /** The range of a history as seen at its origin. */
    public static PlausibleRange of(History h) {
        double max = 0;
        int m = 0;
        for (int t = 0; t < h.size(); t++) {
            double v = h.y(t);
            if (!Double.isNaN(v)) {
                max = Math.max(max, v);
                m++;
            }
        }
        return new PlausibleRange(0, multiple(m) * max);
    }

    /** k(m): how many times its largest week a series with m observed weeks may plausibly sell in one week. */
    public static double multiple(int observedWeeks) {
        if (observedWeeks <= 0) {
            return MAX_MULTIPLE;
        }
        return Math.min(MAX_MULTIPLE, Math.max(BASE_MULTIPLE, BASE_MULTIPLE * Math.sqrt((double) SETTLED_WEEKS
                / observedWeeks)));
    }

    public boolean contains(double v) {
        return v >= lower && v <= upper;
    }

    /** The value moved into the range (NaN stays NaN for the caller to handle). */
    public double clamp(double v) {
        return Math.max(lower, Math.min(upper, v));
    }
}
