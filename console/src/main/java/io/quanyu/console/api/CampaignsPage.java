package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.Msg;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.domain.Charts;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Campaigns: the ROI report and its ROI-vs-cost chart, one campaign's performance per day and channel, the attribution
 * model switch, a budget allocation (admin) beside the current plan, and an A/B comparison of two ads.
 */
@Path("/campaigns")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class CampaignsPage {

    private static final Set<String> MODELS = Set.of("last_touch", "linear");
    private static final Set<String> POLICIES = Set.of("thompson", "optimizer", "roi_above_mean", "uniform");

    private final Template campaigns;
    private final Pages pages;
    private final Backends backends;

    public CampaignsPage(Template campaigns, Pages pages, Backends backends) {
        this.campaigns = campaigns;
        this.pages = pages;
        this.backends = backends;
    }

    @GET
    public Response get(@QueryParam("model") String model, @QueryParam("id") String id, @QueryParam("a") String a,
                        @QueryParam("b") String b, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        return page(visit.get(), model, id, a, b, null, null);
    }

    @POST
    @Path("/allocate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response allocate(@FormParam("total_budget") String total, @FormParam("policy") String policy, @FormParam("model") String model,
                             @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        BigDecimal budget;
        try {
            budget = new BigDecimal(total == null ? "" : total.trim());
        } catch (NumberFormatException e) {
            return page(visit.get(), model, null, null, null, null, "the total budget must be a number");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total_budget", budget);
        body.put("policy", policy != null && POLICIES.contains(policy) ? policy : "thompson");
        body.put("model", model != null && MODELS.contains(model) ? model : "last_touch");
        Reply r = backends.send(Service.ADS, "POST", "/v1/budget/allocate", visit.get().token(), body).join();
        return page(visit.get(), model, null, null, null, r, null);
    }

    private Response page(Pages.Visit visit, String modelParam, String idParam, String a, String b, Reply allocation, String problem) {
        String model = modelParam != null && MODELS.contains(modelParam) ? modelParam : "last_touch";
        String token = visit.token();
        CompletableFuture<Reply> roiF = backends.get(Service.ADS, "/v1/reports/roi?model=" + model, token);
        CompletableFuture<Reply> listF = backends.get(Service.ADS, "/v1/campaigns", token);
        Reply roi = roiF.join();
        Reply list = listF.join();
        List<Reply> replies = new ArrayList<>(List.of(roi, list));
        Msg msg = MessageBundles.get(Msg.class, Localized.Literal.of(visit.locale().toLanguageTag()));
        Map<String, Object> data = new HashMap<>();
        data.put("model", model);
        data.put("back", "/campaigns?model=" + model);
        List<String> names = new ArrayList<>();
        List<Number> costs = new ArrayList<>();
        List<Number> rois = new ArrayList<>();
        String first = null;
        if (roi.ok()) {
            data.put("roi", Views.plain(roi.body()));
            for (JsonNode c : roi.body().path("campaigns")) {
                first = first == null ? c.path("campaign_id").asText() : first;
                if (c.hasNonNull("seeds_roi")) {
                    names.add(c.path("campaign_id").asText());
                    costs.add(c.path("cost").asDouble());
                    rois.add(c.path("seeds_roi").asDouble());
                }
            }
            if (!names.isEmpty()) {
                data.put("roiChart", Charts.json(Charts.scatter(msg.roi_vs_cost(), msg.cost(), msg.roi(), names, costs, rois)));
            }
        }
        String id = idParam != null && !idParam.isBlank() ? idParam : first;
        data.put("id", id);
        List<Object> ads = new ArrayList<>();
        Map<String, Object> plan = new LinkedHashMap<>();
        if (list.ok()) {
            data.put("campaigns", Views.plain(list.body()));
            for (JsonNode c : list.body().isArray() ? list.body() : list.body().path("campaigns")) {
                plan.put(c.path("campaign_id").asText(), Views.plain(c.path("daily_budget")));
                c.path("ads").forEach(ad -> ads.add(ad.path("ad_id").asText()));
            }
        }
        data.put("ads", ads);
        if (id != null) {
            String base = "/v1/campaigns/" + CustomerPage.enc(id) + "/performance?model=" + model;
            CompletableFuture<Reply> dayF = backends.get(Service.ADS, base + "&by=day", token);
            CompletableFuture<Reply> channelF = backends.get(Service.ADS, base + "&by=channel", token);
            Reply day = dayF.join();
            Reply channel = channelF.join();
            replies.add(day);
            replies.add(channel);
            if (day.ok()) {
                data.put("perf", Views.plain(day.body()));
                List<String> x = new ArrayList<>();
                Map<String, List<Number>> series = new LinkedHashMap<>();
                series.put(msg.cost(), new ArrayList<>());
                series.put(msg.revenue(), new ArrayList<>());
                for (JsonNode row : day.body().path("rows")) {
                    x.add(row.path("day").asText(row.path("date").asText()));
                    series.get(msg.cost()).add(row.path("cost").asDouble());
                    series.get(msg.revenue()).add(row.path("revenue").asDouble());
                }
                if (!x.isEmpty()) {
                    data.put("dayChart", Charts.json(Charts.lines(id + " · " + msg.per_day(), x, series)));
                }
            }
            data.put("byChannel", channel.ok() ? Views.list(channel.body().path("rows")) : List.of());
        }
        if (a != null && b != null && !a.isBlank() && !b.isBlank()) {
            Reply ab = backends.get(Service.ADS, "/v1/experiments/compare?a=" + CustomerPage.enc(a) + "&b=" + CustomerPage.enc(b) + "&model=" + model,
                    token).join();
            replies.add(ab);
            data.put("ab", Views.plain(ab));
            data.put("adA", a);
            data.put("adB", b);
        }
        if (allocation != null) {
            replies.add(allocation);
            if (allocation.ok()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (JsonNode al : allocation.body().path("allocations")) {
                    Map<String, Object> row = new HashMap<>(Views.map(al));
                    row.put("current", plan.get(al.path("campaign_id").asText()));
                    rows.add(row);
                }
                data.put("allocation", Views.plain(allocation.body()));
                data.put("allocations", rows);
            }
        }
        if (problem != null) {
            data.put("errors", List.of(problem));
        }
        return pages.render(campaigns, visit, "campaigns", data, replies);
    }
}
