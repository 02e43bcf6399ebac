package io.quanyu.ads.api;

import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.performance.Counters;
import io.quanyu.ads.domain.performance.Metrics;
import io.quanyu.ads.domain.performance.PerformanceSummary;
import io.quanyu.ads.domain.performance.Grain;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Counters and ratios of a campaign, or of one key of its breakdown. */
@Schema(description = "Counters and ratios; money in units of the reporting currency; a ratio with a zero denominator is null")
public record Figures(
        @Schema(description = "Day (YYYY-MM-DD) of this row, when broken down by day") String day,
        @Schema(description = "Ad of this row, when broken down by ad") String adId,
        @Schema(description = "Channel of this row (the event's channel, or the ad platform for events from the ads channel), when broken down by channel")
        String channel,
        long impressions, long clicks, double cost,
        @Schema(description = "Attributed conversions (fractional under linear attribution)") double conversions,
        @Schema(description = "Attributed revenue") double revenue,
        @Schema(description = "clicks / impressions") Double ctr,
        @Schema(description = "conversions / clicks") Double cvr,
        @Schema(description = "cost / clicks") Double cpc,
        @Schema(description = "cost / conversions") Double cpa,
        @Schema(description = "(revenue - cost) / cost: profit per unit of cost, 0 is break-even") Double roi,
        @Schema(description = "revenue / cost: return on ad spend, 1 is break-even (the seeds' 'ROI')") Double roas) {

    static Figures of(PerformanceSummary s) {
        return of(s.key().get(Grain.DAY), s.key().get(Grain.AD), s.key().get(Grain.CHANNEL), s.counters());
    }

    static Figures of(String day, String adId, String channel, Counters c) {
        Metrics m = c.metrics();
        return new Figures(day, adId, channel, c.impressions(), c.clicks(), Micros.toUnits(c.costMicros()), c.conversions(),
                Micros.toUnits(c.revenueMicros()), m.ctr(), m.cvr(), m.cpc(), m.cpa(), m.roi(), m.roas());
    }
}
