package io.quanyu.ads.api;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.config.Currencies;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.domain.performance.Grain;
import io.quanyu.ads.domain.performance.PerformanceRow;
import io.quanyu.ads.domain.performance.Rollup;
import io.quanyu.ads.store.Attribution;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.ads.store.PerformanceStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A campaign's performance: counters, attributed conversions and revenue, CTR, CVR, CPC, CPA, ROI and ROAS, in total or broken down. */
@Path("/v1/campaigns/{id}/performance")
@Tag(name = "reports")
public class PerformanceResource {

    /** A campaign's performance over a period. */
    @Schema(description = "A campaign's performance over a period, in total and broken down")
    public record Performance(String campaignId, @Schema(description = "Its registered name; null when unregistered") String name,
                              boolean registered, @Schema(description = "last_touch or linear") String model, LocalDate from, LocalDate to,
                              String currency, @Schema(description = "The breakdown: total, or day, ad and/or channel") String by, Figures totals,
                              @Schema(description = "One row per key of the breakdown, sorted; empty for by=total") List<Figures> rows) {
    }

    private final AdsConfig config;
    private final Currencies currencies;
    private final CampaignStore campaigns;
    private final PerformanceStore performance;

    public PerformanceResource(AdsConfig config, Currencies currencies, CampaignStore campaigns, PerformanceStore performance) {
        this.config = config;
        this.currencies = currencies;
        this.campaigns = campaigns;
        this.performance = performance;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A campaign's performance", description = "Impressions, clicks and cost by the ad events' day; conversions and revenue "
            + "attributed under the model, by the purchase's day (reporting zone). 404 for a campaign neither registered nor seen in any event.")
    public Performance performance(@PathParam("id") String id,
                                   @Parameter(description = "First day, YYYY-MM-DD (default: 29 days before to)") @QueryParam("from") String from,
                                   @Parameter(description = "Last day, inclusive (default: today)") @QueryParam("to") String to,
                                   @Parameter(description = "last_touch (default) or linear") @QueryParam("model") String model,
                                   @Parameter(description = "total (default), or day, ad, channel, or a comma-separated combination") @QueryParam("by") String by)
            throws SQLException {
        Params.Range range = Params.range(from, to, config.reportingZone(), config.maxRangeDays());
        AttributionModel m = Params.model(model);
        List<Grain> grains = grains(by);
        Optional<CampaignStore.Registered> registered = campaigns.find(id);
        if (registered.isEmpty() && !performance.hasData(id)) {
            throw Rejected.notFound("no campaign '" + Params.shorten(id) + "' is registered or seen in any ad event");
        }
        List<PerformanceRow> rows = performance.rows(id, range.from(), range.to(), m);
        List<Figures> breakdown = grains.isEmpty() ? List.of() : Rollup.by(grains, rows).stream().map(Figures::of).toList();
        return new Performance(id, registered.map(r -> r.campaign().name()).orElse(null), registered.isPresent(), Attribution.wire(m), range.from(),
                range.to(), currencies.reporting(), grains.isEmpty() ? "total" : String.join(",", grains.stream().map(g -> g.name().toLowerCase(Locale.ROOT)).toList()),
                Figures.of(null, null, null, Rollup.total(rows)), breakdown);
    }

    private static List<Grain> grains(String by) {
        if (by == null || by.isBlank() || by.trim().equalsIgnoreCase("total")) {
            return List.of();
        }
        List<Grain> out = new ArrayList<>();
        for (String part : by.split(",")) {
            Grain g = switch (part.trim().toLowerCase(Locale.ROOT)) {
                case "day" -> Grain.DAY;
                case "ad" -> Grain.AD;
                case "channel" -> Grain.CHANNEL;
                default -> throw Rejected.badRequest("invalid_by", "by must be total, or day, ad, channel or a comma-separated combination, was '"
                        + Params.shorten(by) + "'");
            };
            if (!out.contains(g)) {
                out.add(g);
            }
        }
        return out;
    }
}
