package io.quanyu.ads.domain.performance;

/**
 * Additive performance counters of an ad, campaign, channel or day. Money is in micros. Conversions are a double
 * because linear attribution credits fractions of an order.
 */
public record Counters(long impressions, long clicks, long costMicros, double conversions, long revenueMicros) {

    public static final Counters ZERO = new Counters(0, 0, 0, 0, 0);

    public Counters {
        if (impressions < 0 || clicks < 0 || costMicros < 0 || conversions < 0 || revenueMicros < 0
                || Double.isNaN(conversions)) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
    }

    public Counters plus(Counters o) {
        return new Counters(impressions + o.impressions, clicks + o.clicks, costMicros + o.costMicros,
                conversions + o.conversions, revenueMicros + o.revenueMicros);
    }

    /** The ratios derived from these counters. */
    public Metrics metrics() {
        return Metrics.of(this);
    }
}
