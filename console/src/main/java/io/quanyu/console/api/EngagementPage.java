package io.quanyu.console.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.quanyu.console.app.Backends;
import io.quanyu.console.app.EngagementMsg;
import io.quanyu.console.app.Pages;
import io.quanyu.console.app.Views;
import io.quanyu.console.domain.Charts;
import io.quanyu.console.domain.Journeys;
import io.quanyu.console.domain.Reply;
import io.quanyu.console.domain.Service;
import io.quarkus.qute.Template;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Engagement: every journey (trigger, holdout) with its uplift against the holdout, every offer with its budget and
 * uplift, and one journey's definition with a chart of both groups' conversion rates (engagement-service, reader).
 */
@Path("/engagement")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class EngagementPage {

    /** One journey of the table; uplift is engagement's answer as maps, null when it did not come. */
    public record JourneyRow(String id, String name, String kind, String parameter, boolean active, Object holdoutShare,
                             Object uplift, boolean significant) {
    }

    /** One offer of the table with its uplift (null when it did not come). */
    public record OfferRow(Object view, Object uplift, boolean significant) {
    }

    /** A branch of the shown journey, in words. */
    public record Branch(int number, String when, String action) {
    }

    private final Template engagement;
    private final Pages pages;
    private final Backends backends;

    public EngagementPage(Template engagement, Pages pages, Backends backends) {
        this.engagement = engagement;
        this.pages = pages;
        this.backends = backends;
    }

    @GET
    public Response get(@QueryParam("journey") String journeyParam, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        String token = visit.get().token();
        EngagementMsg msg = MessageBundles.get(EngagementMsg.class, Localized.Literal.of(visit.get().locale().toLanguageTag()));
        Journeys.Words words = words(msg);
        String chosen = journeyParam == null || journeyParam.isBlank() ? null : journeyParam.trim();
        CompletableFuture<Reply> journeysF = backends.get(Service.ENGAGEMENT, "/v1/journeys", token);
        CompletableFuture<Reply> offersF = backends.get(Service.ENGAGEMENT, "/v1/offers", token);
        CompletableFuture<Reply> oneF = chosen == null ? null : backends.get(Service.ENGAGEMENT, "/v1/journeys/" + CustomerPage.enc(chosen), token);
        CompletableFuture<Reply> oneUpliftF = chosen == null ? null
                : backends.get(Service.ENGAGEMENT, "/v1/journeys/" + CustomerPage.enc(chosen) + "/uplift", token);
        Reply journeys = journeysF.join();
        Reply offers = offersF.join();
        List<Reply> replies = new ArrayList<>(List.of(journeys, offers));

        // Each uplift is its own call; they run at once, so the page waits for the slowest, not for their sum.
        Map<String, CompletableFuture<Reply>> journeyUplift = new LinkedHashMap<>();
        for (JsonNode j : items(journeys)) {
            String id = j.path("journey").path("journey_id").asText();
            journeyUplift.put(id, backends.get(Service.ENGAGEMENT, "/v1/journeys/" + CustomerPage.enc(id) + "/uplift", token));
        }
        Map<String, CompletableFuture<Reply>> offerUplift = new LinkedHashMap<>();
        for (JsonNode o : items(offers)) {
            String id = o.path("offer").path("offer_id").asText();
            offerUplift.put(id, backends.get(Service.ENGAGEMENT, "/v1/offers/" + CustomerPage.enc(id) + "/uplift", token));
        }

        List<JourneyRow> journeyRows = new ArrayList<>();
        for (JsonNode view : items(journeys)) {
            JsonNode j = view.path("journey");
            Reply u = journeyUplift.get(j.path("journey_id").asText()).join();
            replies.add(u);
            journeyRows.add(new JourneyRow(j.path("journey_id").asText(), j.path("name").asText(""), j.path("trigger").path("kind").asText(),
                    Journeys.triggerParameter(j.path("trigger"), words), view.path("active").asBoolean(), Views.plain(j.get("holdout_share")),
                    Views.plain(u), significant(u)));
        }
        List<OfferRow> offerRows = new ArrayList<>();
        for (JsonNode o : items(offers)) {
            Reply u = offerUplift.get(o.path("offer").path("offer_id").asText()).join();
            replies.add(u);
            offerRows.add(new OfferRow(Views.plain(o), Views.plain(u), significant(u)));
        }

        Map<String, Object> data = new HashMap<>();
        data.put("journeysLoaded", journeys.ok());
        data.put("offersLoaded", offers.ok());
        data.put("journeys", journeyRows);
        data.put("offers", offerRows);
        data.put("chosen", chosen);
        data.put("back", chosen == null ? "/engagement" : "/engagement?journey=" + CustomerPage.enc(chosen));
        if (chosen != null) {
            Reply one = oneF.join();
            Reply oneUplift = oneUpliftF.join();
            replies.add(one);
            replies.add(oneUplift);
            if (one.status() == 404) {
                // The page's frame leaves 404s out (a missing optional part); here the journey asked for is missing.
                data.put("errors", List.of(one.error()));
            }
            if (one.ok()) {
                detail(data, one.body(), oneUplift, msg, words);
            }
        }
        return pages.render(engagement, visit.get(), "engagement", data, replies);
    }

    /** Whether an uplift answer's interval of the difference leaves out 0. */
    private static boolean significant(Reply u) {
        return u.ok() && u.body() != null && Journeys.excludesZero(u.body().path("ci95"));
    }

    /** The items of a list answer; none when the list did not come (the page says why at the top). */
    private static JsonNode items(Reply r) {
        return r.ok() && r.body() != null && r.body().isArray() ? r.body() : MissingNode.getInstance();
    }

    private static Journeys.Words words(EngagementMsg m) {
        return new Journeys.Words(m.w_wait(), m.w_exits_on_purchase(), m.w_stays_after_purchase(), m.w_segment_in(), m.w_lifecycle_in(),
                m.w_channel_in(), m.w_propensity(), m.w_bought_before(), m.w_never_bought(), m.w_always(), m.w_and(), m.w_offer(), m.w_on(),
                m.w_recommendations());
    }

    private static void detail(Map<String, Object> data, JsonNode view, Reply uplift, EngagementMsg msg, Journeys.Words words) {
        JsonNode j = view.path("journey");
        data.put("journey", Views.plain(j));
        data.put("journeyActive", view.path("active").asBoolean());
        data.put("triggerParameter", Journeys.triggerParameter(j.path("trigger"), words));
        List<Branch> branches = new ArrayList<>();
        for (JsonNode b : j.path("branches")) {
            branches.add(new Branch(branches.size() + 1, Journeys.condition(b.path("when"), words), Journeys.action(b.path("action"), words)));
        }
        data.put("branches", branches);
        data.put("defaultAction", j.hasNonNull("action") ? Journeys.action(j.path("action"), words) : null);
        if (!uplift.ok() || uplift.body() == null) {
            return;
        }
        JsonNode u = uplift.body();
        data.put("upliftOne", Views.plain(u));
        data.put("upliftSignificant", significant(uplift));
        Journeys.Interval treated = Journeys.wilson(u.path("treated").path("conversions").asLong(), u.path("treated").path("entries").asLong());
        Journeys.Interval holdout = Journeys.wilson(u.path("holdout").path("conversions").asLong(), u.path("holdout").path("entries").asLong());
        JsonNode ci = u.path("ci95");
        if (treated != null && holdout != null && u.hasNonNull("conversion_rate_difference") && ci.hasNonNull("lower")) {
            List<Double> rates = List.of(u.path("treated").path("conversion_rate").asDouble(), u.path("holdout").path("conversion_rate").asDouble(),
                    u.path("conversion_rate_difference").asDouble());
            List<Journeys.Interval> intervals = List.of(treated, holdout, new Journeys.Interval(ci.path("lower").asDouble(), ci.path("upper").asDouble()));
            data.put("upliftChart", Charts.json(Charts.ratesWithIntervals(msg.uplift_chart() + " · " + j.path("journey_id").asText(), msg.rate_pct(),
                    msg.interval95(), List.of(msg.treated(), msg.holdout(), msg.difference_short()), rates, intervals)));
        }
    }
}
