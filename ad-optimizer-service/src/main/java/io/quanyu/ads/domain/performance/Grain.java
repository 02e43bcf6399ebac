package io.quanyu.ads.domain.performance;

/** A dimension performance can be broken down by; {@link Rollup} accepts any combination. */
public enum Grain {
    /** By ad id (unique across campaigns). */
    AD,
    CAMPAIGN,
    CHANNEL,
    /** By calendar day in the zone the rows were dated in. */
    DAY;

    String of(PerformanceRow row) {
        return switch (this) {
            case AD -> row.adId();
            case CAMPAIGN -> row.campaignId();
            case CHANNEL -> row.channel();
            case DAY -> row.day().toString();
        };
    }
}
