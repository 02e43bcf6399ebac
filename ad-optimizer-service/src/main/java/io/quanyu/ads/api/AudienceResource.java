package io.quanyu.ads.api;

import io.quanyu.ads.config.AdsConfig;
import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.audience.AudienceRanker;
import io.quanyu.ads.domain.audience.RankedMember;
import io.quanyu.ads.domain.audience.TargetingSpec;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.ads.store.CustomerStore;
import io.quanyu.support.Role;
import io.quanyu.support.Roles;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A campaign's audience: customers ranked by purchase propensity and its target segments, as JSON or a CSV download. */
@Path("/v1/campaigns/{id}/audience")
@Tag(name = "audiences")
public class AudienceResource {

    static final String CSV = "text/csv";

    /** The ranked audience. */
    @Schema(description = "Customers ranked for a campaign, best first")
    public record Audience(String campaignId, @Schema(description = "filter or boost") String mode, List<String> targetSegments,
                           List<String> excludedSegments, int count, List<RankedMember> members) {
    }

    private final AdsConfig config;
    private final CampaignStore campaigns;
    private final CustomerStore customers;

    public AudienceResource(AdsConfig config, CampaignStore campaigns, CustomerStore customers) {
        this.config = config;
        this.campaigns = campaigns;
        this.customers = customers;
    }

    @GET
    @Roles(Role.READER)
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "A campaign's audience (reader: it lists customers)", description = "Customers from the profile service ranked by purchase "
            + "propensity (0 until the profile has scored them): filter keeps only those in a target segment, boost favours them "
            + "(score = propensity × (1 + boost × share of target segments matched)). CSV with format=csv or Accept: text/csv.")
    public Response audience(@PathParam("id") String id,
                             @Parameter(description = "How many, 1 to the configured maximum (default 100)") @QueryParam("limit") String limit,
                             @Parameter(description = "filter (default) or boost") @QueryParam("mode") String mode,
                             @Parameter(description = "Boost weight, 0-100 (default 1)") @QueryParam("boost") String boost,
                             @Parameter(description = "Comma-separated segments whose members are never included") @QueryParam("exclude") String exclude,
                             @Parameter(description = "json or csv") @QueryParam("format") String format, @Context HttpHeaders headers) throws SQLException {
        int n = Params.integer("limit", limit, 100, 1, config.maxAudience());
        String m = Params.choice("mode", mode, "filter", "filter", "boost");
        double w = Params.number("boost", boost, 1.0, 0, 100, true);
        boolean csv = "csv".equals(Params.choice("format", format, prefersCsv(headers) ? "csv" : "json", "json", "csv"));
        Set<String> excluded = new LinkedHashSet<>();
        if (exclude != null) {
            Arrays.stream(exclude.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(excluded::add);
        }
        Campaign c = campaigns.find(id).orElseThrow(() -> Rejected.notFound("no campaign '" + Params.shorten(id) + "' is registered")).campaign();
        TargetingSpec spec = new TargetingSpec(c.targetSegments(), excluded, m.equals("boost") ? TargetingSpec.Mode.BOOST : TargetingSpec.Mode.FILTER, w);
        List<RankedMember> members = customers.audience(spec, n);
        if (csv) {
            String file = "audience-" + c.campaignId().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
            return Response.ok(AudienceRanker.toCsv(members), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
        }
        return Response.ok(new Audience(c.campaignId(), m, c.targetSegments().stream().sorted().toList(), List.copyOf(excluded), members.size(), members),
                MediaType.APPLICATION_JSON).build();
    }

    private static boolean prefersCsv(HttpHeaders headers) {
        for (MediaType t : headers.getAcceptableMediaTypes()) {
            if (!t.isWildcardType() && t.isCompatible(MediaType.valueOf(CSV))) {
                return true;
            }
            if (t.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
