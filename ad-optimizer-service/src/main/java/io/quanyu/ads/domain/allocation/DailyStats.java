package io.quanyu.ads.domain.allocation;

/**
 * What one campaign spent and earned in one period (a day), money in currency units. Discounted sums of these are
 * also DailyStats, so the counts are doubles.
 */
public record DailyStats(double spend, double clicks, double conversions, double revenue) {

    public static final DailyStats EMPTY = new DailyStats(0, 0, 0, 0);

    public DailyStats {
        if (!(spend >= 0 && clicks >= 0 && conversions >= 0 && revenue >= 0)) {
            throw new IllegalArgumentException("daily stats must be finite and non-negative");
        }
    }

    public DailyStats plus(DailyStats o) {
        return new DailyStats(spend + o.spend, clicks + o.clicks, conversions + o.conversions, revenue + o.revenue);
    }

    public DailyStats times(double factor) {
        return new DailyStats(spend * factor, clicks * factor, conversions * factor, revenue * factor);
    }
}
