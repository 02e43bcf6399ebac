package io.quanyu.ads.domain.performance;

import io.quanyu.ads.domain.attribution.Credit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Counters at the finest grain (day x campaign x ad x channel), what the service stores and {@link Rollup} sums.
 * Impressions, clicks and cost are dated by the ad event; conversions and revenue by the purchase they credit.
 */
public record PerformanceRow(LocalDate day, String campaignId, String adId, String channel, Counters counters) {

    public PerformanceRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(adId, "adId");
        channel = channel == null ? "" : channel;
        Objects.requireNonNull(counters, "counters");
    }

    /** The calendar day of an event time in the reporting zone. */
    public static LocalDate day(Instant time, ZoneId zone) {
        return LocalDate.ofInstant(time, zone);
    }

    /** One {@code ad_impression}. */
    public static PerformanceRow impression(LocalDate day, String campaignId, String adId, String channel) {
        return new PerformanceRow(day, campaignId, adId, channel, new Counters(1, 0, 0, 0, 0));
    }

    /** One {@code ad_click}, with its cost when the platform reports cost per click (else 0). */
    public static PerformanceRow click(LocalDate day, String campaignId, String adId, String channel, long costMicros) {
        return new PerformanceRow(day, campaignId, adId, channel, new Counters(0, 1, costMicros, 0, 0));
    }

    /** One {@code ad_cost} report. */
    public static PerformanceRow cost(LocalDate day, String campaignId, String adId, String channel, long costMicros) {
        return new PerformanceRow(day, campaignId, adId, channel, new Counters(0, 0, costMicros, 0, 0));
    }

    /** An attribution credit, dated by the purchase day. */
    public static PerformanceRow credit(LocalDate purchaseDay, Credit credit) {
        return new PerformanceRow(purchaseDay, credit.campaignId(), credit.adId(), credit.channel(),
                new Counters(0, 0, 0, credit.conversions(), credit.revenueMicros()));
    }
}
