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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Inventory: a SKU's forecast with its 80 % and 95 % bands, its inventory policy, and the open stock alerts. */
@Path("/inventory")
@Blocking
@Produces(MediaType.TEXT_HTML)
public class InventoryPage {

    private static final int HORIZON = 8;
    /** Weeks of sales drawn before the forecast. */
    private static final int HISTORY = 26;

    private final Template inventory;
    private final Pages pages;
    private final Backends backends;

    public InventoryPage(Template inventory, Pages pages, Backends backends) {
        this.inventory = inventory;
        this.pages = pages;
        this.backends = backends;
    }

    @GET
    public Response get(@QueryParam("sku") String skuParam, @QueryParam("store") String storeParam, @Context HttpHeaders headers) {
        var visit = pages.visit(headers);
        if (visit.isEmpty()) {
            return Pages.toSignIn();
        }
        String token = visit.get().token();
        Reply alerts = backends.get(Service.FORECAST, "/v1/alerts?limit=100", token).join();
        List<Reply> replies = new ArrayList<>(List.of(alerts));
        String sku = skuParam != null && !skuParam.isBlank() ? skuParam.trim()
                : alerts.ok() && alerts.body().path("alerts").size() > 0 ? alerts.body().path("alerts").get(0).path("sku").asText() : null;
        String store = storeParam != null && !storeParam.isBlank() ? storeParam.trim() : "all";
        Map<String, Object> data = new HashMap<>();
        data.put("alerts", alerts.ok() ? Views.list(alerts.body().path("alerts")) : List.of());
        data.put("sku", sku);
        data.put("store", store);
        data.put("back", "/inventory");
        if (sku != null) {
            String q = "?store=" + CustomerPage.enc(store);
            CompletableFuture<Reply> fF = backends.get(Service.FORECAST, "/v1/forecasts/" + CustomerPage.enc(sku) + q + "&horizon=" + HORIZON, token);
            CompletableFuture<Reply> pF = backends.get(Service.FORECAST, "/v1/inventory/" + CustomerPage.enc(sku) + "/policy" + q, token);
            CompletableFuture<Reply> hF = backends.get(Service.FORECAST, "/v1/forecasts/" + CustomerPage.enc(sku) + "/history" + q + "&weeks=" + HISTORY, token);
            Reply f = fF.join();
            Reply p = pF.join();
            Reply h = hF.join();
            replies.add(f);
            replies.add(p);
            replies.add(h);
            if (f.ok()) {
                data.put("forecast", Views.plain(f.body()));
                data.put("chart", Charts.json(chart(f.body(), h.ok() ? h.body().path("weeks") : null, sku, store, MessageBundles.get(Msg.class, Localized.Literal.of(visit.get().locale().toLanguageTag())))));
            } else if (f.status() == 404) {
                data.put("errors", List.of(f.error()));
            }
            data.put("policy", Views.plain(p));
        }
        return pages.render(inventory, visit.get(), "inventory", data, replies);
    }

    private static Map<String, Object> chart(JsonNode forecast, JsonNode weeks, String sku, String store, Msg msg) {
        List<String> x = new ArrayList<>();
        List<Number> history = new ArrayList<>();
        List<Number> p50 = new ArrayList<>();
        List<Number> l80 = new ArrayList<>();
        List<Number> u80 = new ArrayList<>();
        List<Number> l95 = new ArrayList<>();
        List<Number> u95 = new ArrayList<>();
        // The weeks sold (forecast's history endpoint) run into the forecast on one axis.
        for (JsonNode h : weeks == null ? forecast.path("history") : weeks) {
            x.add(h.path("week").asText());
            history.add(h.path("quantity").asDouble());
            for (List<Number> l : List.of(p50, l80, u80, l95, u95)) {
                l.add(null);
            }
        }
        for (JsonNode pt : forecast.path("points")) {
            x.add(pt.path("week").asText());
            history.add(null);
            p50.add(pt.path("p50").asDouble(pt.path("forecast").asDouble()));
            l80.add(pt.path("lower80").asDouble());
            u80.add(pt.path("upper80").asDouble());
            l95.add(pt.path("lower95").asDouble());
            u95.add(pt.path("upper95").asDouble());
        }
        return Charts.band(msg.forecast() + " · " + sku + " · " + store + " · " + forecast.path("model").asText(), x, history, p50, l80, u80, l95, u95,
                new String[] {msg.history(), msg.median(), msg.band80(), msg.band95()});
    }
}
