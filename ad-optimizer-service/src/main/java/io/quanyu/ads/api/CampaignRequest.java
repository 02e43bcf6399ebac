package io.quanyu.ads.api;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A campaign to register or replace. */
@Schema(description = "A campaign to register or replace; money in units of the reporting currency")
public record CampaignRequest(
        @Schema(description = "The id the ad platforms' events use (1-128 characters, no spaces, '/', '?', '#', '%')", required = true) String campaignId,
        @Schema(description = "Display name (default: the id)") String name,
        @Schema(description = "Ad platforms or channels it runs on, at least one", required = true) List<String> channels,
        @Schema(description = "Planned spend per day, between min_daily_spend and max_daily_spend", required = true) BigDecimal dailyBudget,
        @Schema(description = "The least the allocator may give it per day (default 0)") BigDecimal minDailySpend,
        @Schema(description = "The most the allocator may give it per day (default: daily_budget)") BigDecimal maxDailySpend,
        @Schema(description = "Profile segment ids it targets; empty means everyone") List<String> targetSegments,
        @Schema(description = "Its ads; ad ids are unique across campaigns") List<AdRequest> ads,
        @Schema(description = "false pauses it: the allocator then gives it 0 (default true)") Boolean active) {

    /** One ad of the campaign. */
    @Schema(description = "An ad (creative) of the campaign")
    public record AdRequest(@Schema(description = "The platform's ad id", required = true) String adId,
                            @Schema(description = "Display name (default: the id)") String name,
                            @Schema(description = "Description or URL of the creative") String creative) {
    }
}
