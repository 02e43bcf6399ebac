package io.quanyu.ads.api;

import io.quanyu.ads.config.Currencies;
import io.quanyu.ads.domain.Ad;
import io.quanyu.ads.domain.Campaign;
import io.quanyu.ads.domain.Micros;
import io.quanyu.ads.store.CampaignStore;
import io.quanyu.support.Admin;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The campaign registry: what the allocator may spend on each campaign, whom it targets, and its ads. */
@Path("/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "campaigns")
public class CampaignResource {

    /** Per-day money above this is refused (far beyond any campaign, well inside the micros range). */
    static final BigDecimal MAX_MONEY = new BigDecimal("1000000000");

    private final CampaignStore campaigns;
    private final Currencies currencies;

    public CampaignResource(CampaignStore campaigns, Currencies currencies) {
        this.campaigns = campaigns;
        this.currencies = currencies;
    }

    @POST
    @Admin
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or replace a campaign (admin)", description = "201 when created, 200 when it replaced the campaign of that id "
            + "(its ads are replaced too; counters of dropped ads stay). Ad events of unregistered campaigns are counted all the same.")
    public Response save(CampaignRequest request) throws SQLException {
        CampaignStore.Registered r = validate(request);
        CampaignStore.Saved saved = campaigns.save(r);
        if (saved.conflictingAd() != null) {
            throw new Rejected(409, "ad_conflict", "ad " + saved.conflictingAd() + " belongs to campaign " + saved.owner() + "; ad ids are unique across campaigns");
        }
        CampaignView view = CampaignView.of(r, currencies.reporting());
        return saved.created()
                ? Response.created(URI.create("/v1/campaigns/" + URLEncoder.encode(r.campaign().campaignId(), StandardCharsets.UTF_8))).entity(view).build()
                : Response.ok(view).build();
    }

    @GET
    @Operation(summary = "Every registered campaign", description = "Sorted by id.")
    public List<CampaignView> list() throws SQLException {
        return campaigns.all().stream().map(r -> CampaignView.of(r, currencies.reporting())).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A registered campaign", description = "404 when it is not registered.")
    public CampaignView get(@PathParam("id") String id) throws SQLException {
        return campaigns.find(id).map(r -> CampaignView.of(r, currencies.reporting()))
                .orElseThrow(() -> Rejected.notFound("no campaign '" + Params.shorten(id) + "' is registered"));
    }

    private static CampaignStore.Registered validate(CampaignRequest r) {
        if (r == null) {
            throw invalid("send the campaign as a JSON object");
        }
        String id = Params.id("campaign", r.campaignId());
        if (r.name() != null && r.name().length() > 200) {
            throw invalid("name has more than 200 characters");
        }
        List<String> channels = words("channels", r.channels(), 64, 50);
        if (channels.isEmpty()) {
            throw invalid("campaign " + id + " needs at least one channel");
        }
        List<String> segments = words("target_segments", r.targetSegments(), 128, 200);
        BigDecimal budget = money("daily_budget", r.dailyBudget(), null);
        BigDecimal min = money("min_daily_spend", r.minDailySpend(), BigDecimal.ZERO);
        BigDecimal max = money("max_daily_spend", r.maxDailySpend(), budget);
        if (min.compareTo(max) > 0 || budget.compareTo(min) < 0 || budget.compareTo(max) > 0) {
            throw invalid("need 0 <= min_daily_spend <= daily_budget <= max_daily_spend, got " + min.toPlainString() + ", " + budget.toPlainString()
                    + ", " + max.toPlainString());
        }
        List<Ad> ads = new ArrayList<>();
        if (r.ads() != null) {
            if (r.ads().size() > 500) {
                throw invalid("at most 500 ads per campaign");
            }
            for (int i = 0; i < r.ads().size(); i++) {
                CampaignRequest.AdRequest a = r.ads().get(i);
                if (a == null) {
                    throw invalid("ads[" + i + "] is null");
                }
                if (a.adId() == null || !Params.ID.matcher(a.adId().trim()).matches()) {
                    throw invalid("ads[" + i + "].ad_id must be 1 to 128 characters without spaces, '/', '?', '#', '%' or control characters");
                }
                if ((a.name() != null && a.name().length() > 200) || (a.creative() != null && a.creative().length() > 2000)) {
                    throw invalid("ads[" + i + "]: name at most 200 characters, creative at most 2,000");
                }
                ads.add(new Ad(a.adId().trim(), a.name(), a.creative()));
            }
        }
        Campaign c = new Campaign(id, r.name(), channels, Micros.of(min), Micros.of(max), new LinkedHashSet<>(segments), ads,
                r.active() == null || r.active());
        return new CampaignStore.Registered(c, Micros.of(budget));
    }

    private static BigDecimal money(String field, BigDecimal value, BigDecimal absent) {
        if (value == null) {
            if (absent == null) {
                throw invalid(field + " is required");
            }
            return absent;
        }
        if (value.signum() < 0 || value.compareTo(MAX_MONEY) > 0) {
            throw invalid(field + " must be from 0 to " + MAX_MONEY.toPlainString() + ", was " + value.toPlainString());
        }
        return value;
    }

    /** Trimmed, de-duplicated, non-blank words; channels are lower-cased like the events' channel names. */
    private static List<String> words(String field, List<String> values, int maxLength, int maxCount) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxCount) {
            throw invalid(field + " has more than " + maxCount + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank() || v.trim().length() > maxLength) {
                throw invalid(field + " entries must be non-blank and at most " + maxLength + " characters");
            }
            out.add(field.equals("channels") ? v.trim().toLowerCase(Locale.ROOT) : v.trim());
        }
        return List.copyOf(out);
    }

    private static Rejected invalid(String message) {
        return Rejected.badRequest("invalid_campaign", message);
    }
}
