package io.quanyu.ads.api;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.config.Currencies;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.domain.attribution.AttributionModel;
import io.quanyu.ads.domain.report.RoiChart;
import io.quanyu.ads.domain.report.RoiPoint;
import io.quanyu.ads.domain.report.RoiReport;
import io.quanyu.ads.store.Attribution;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.ads.store.PerformanceStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The seeds' ROI report across campaigns, as JSON or an SVG chart. */
@Path("/v1/reports")
@Tag(name = "reports")
public class ReportResource {

    static final String SVG = "image/svg+xml";

    /** One campaign in the ROI report. */
    @Schema(description = "A campaign in the seeds' ROI report")
    public record RoiRow(String campaignId, String name, double cost, @Schema(description = "Attributed revenue, the seeds' 'effect'") double revenue,
                         @Schema(description = "revenue / cost (a ROAS), the seeds' ROI; null without cost") Double seedsRoi,
                         @Schema(description = "(revenue - cost) / cost; null without cost") Double profitRoi,
                         @Schema(description = "seeds_roi >= mean_seeds_roi: the seeds' rule keeps it") boolean keptBySeedsRule) {
    }

    /** The seeds' ROI report. */
    @Schema(description = "The seeds' ROI report: ROI = Σ revenue / Σ cost per campaign, kept when at least the mean")
    public record RoiAnswer(LocalDate from, LocalDate to, String model, String currency, String definition,
                            @Schema(description = "Unweighted mean of the campaigns' seeds' ROI over campaigns with cost") Double meanSeedsRoi,
                            @Schema(description = "Σ revenue / Σ cost over all campaigns") Double overallSeedsRoi,
                            @Schema(description = "How many campaigns the rule keeps") int kept, List<RoiRow> campaigns) {
    }

    private final AdsConfig config;
    private final Currencies currencies;
    private final CampaignStore campaigns;
    private final PerformanceStore performance;

    public ReportResource(AdsConfig config, Currencies currencies, CampaignStore campaigns, PerformanceStore performance) {
        this.config = config;
        this.currencies = currencies;
        this.campaigns = campaigns;
        this.performance = performance;
    }

    @GET
    @Path("/roi")
    @Produces({MediaType.APPLICATION_JSON, SVG})
    @Operation(summary = "The seeds' ROI report", description = "Per campaign (registered or with data in the period): cost, attributed revenue, "
            + "the seeds' ROI = revenue / cost (a ROAS) and the profit ROI; campaigns at or above the mean seeds' ROI are kept by the seeds' rule. "
            + "JSON, or the chart as SVG with Accept: image/svg+xml or format=svg.")
    public Response roi(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("model") String model,
                        @Parameter(description = "json or svg (default: by the Accept header, else json)") @QueryParam("format") String format,
                        @Context HttpHeaders headers) throws SQLException {
        Params.Range range = Params.range(from, to, config.reportingZone(), config.maxRangeDays());
        AttributionModel m = Params.model(model);
        boolean svg = "svg".equals(Params.choice("format", format, prefersSvg(headers) ? "svg" : "json", "json", "svg"));
        Map<String, PerformanceStore.CampaignTotals> totals = performance.totals(range.from(), range.to(), m);
        Map<String, String> names = new HashMap<>();
        campaigns.all().forEach(r -> names.put(r.campaign().campaignId(), r.campaign().name()));
        TreeSet<String> ids = new TreeSet<>(totals.keySet());
        ids.addAll(names.keySet());
        List<RoiPoint> points = new ArrayList<>();
        for (String id : ids) {
            PerformanceStore.CampaignTotals t = totals.getOrDefault(id, new PerformanceStore.CampaignTotals(id, 0, 0));
            points.add(new RoiPoint(id, Micros.toUnits(t.costMicros()), Micros.toUnits(t.revenueMicros())));
        }
        RoiReport report = RoiReport.of(points);
        if (svg) {
            String title = "Seeds' ROI by campaign, " + range.from() + " – " + range.to() + " (" + Attribution.wire(m) + ")";
            return Response.ok(RoiChart.render(report, title), SVG).build();
        }
        List<RoiRow> rows = report.rows().stream().map(r -> new RoiRow(r.label(), names.get(r.label()), r.cost(), r.effect(), r.roi(),
                r.cost() > 0 ? (r.effect() - r.cost()) / r.cost() : null, r.keep())).toList();
        return Response.ok(new RoiAnswer(range.from(), range.to(), Attribution.wire(m), currencies.reporting(),
                "seeds_roi = revenue / cost (what the seeds call ROI; a ROAS, 1 is break-even); profit_roi = (revenue - cost) / cost (0 is break-even); "
                        + "a campaign is kept by the seeds' rule when its seeds_roi is at least the unweighted mean over campaigns with cost",
                report.meanRoi(), report.overallRoi(), report.kept(), rows), MediaType.APPLICATION_JSON).build();
    }

    /** Whether the Accept header ranks SVG above JSON. */
    static boolean prefersSvg(HttpHeaders headers) {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (t.isCompatible(MediaType.valueOf(SVG)) && !t.isWildcardType()) {
                return true;
            }
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
