package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.testkit.replay.ReplayIds;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The demo's closing tour: a portrait, recommendations with reasons, conversations, a forecast with its alert, ROI. */
final class Tour {

    private Tour() {
    }

    static void print(Api api, List<DominicksFeed.Sale> sales) {
        int uid = 13;
        String user = ReplayIds.userId(uid);
        System.out.println("\n== A customer's portrait (profile-service) ==");
        JsonNode p = api.read(Demo.PROFILE, "/v1/profiles/" + user).json();
        System.out.printf("  %s: keys %s, prefers %s, lifecycle %s%n", p.path("customer_id").asText(), p.path("keys"), p.path("preferred_channel").asText(),
                p.path("lifecycle").asText());
        System.out.printf("  RFM %s (r%d f%d m%d), purchase propensity %s, churn risk %s, segments %s%n", p.path("rfm").path("label").asText(),
                p.path("rfm").path("r").asInt(), p.path("rfm").path("f").asInt(), p.path("rfm").path("m").asInt(),
                pct(p.path("purchase_propensity")), pct(p.path("churn_risk")), p.path("segments"));
        System.out.println("  interests: " + top(p.path("category_interests"), 4));

        System.out.println("\n== Recommendations for " + user + " (recommender-service, asked with the customer's own token) ==");
        for (JsonNode item : api.get(Demo.RECOMMENDER, "/v1/recommendations/" + user + "?limit=5", api.customer(user)).json().path("items")) {
            System.out.printf("  %-40s %.2f  %s%n", trim(item.path("title").asText(item.path("item_id").asText()), 40), item.path("score").asDouble(),
                    item.path("reason").asText());
        }

        System.out.println("\n== The chatbot (chatbot-service) ==");
        Chat.converse(api);

        DominicksFeed.Sale low = sales.stream().filter(s -> s.brand() == 1 && s.store() == Demo.STORES.getFirst()).findFirst().orElseThrow();
        String sku = DominicksFeed.sku(low.brand());
        String store = DominicksFeed.store(low.store());
        System.out.println("\n== Demand forecast of " + sku + " at " + store + " (forecast-service) ==");
        JsonNode f = api.get(Demo.FORECAST, "/v1/forecasts/" + sku + "?store=" + store + "&horizon=4").json();
        System.out.printf("  model %s (backtest MASE %s) on %d weeks of history%n", f.path("model").asText(), f.path("backtest_mase").asText("n/a"),
                f.path("observed_weeks").asInt());
        for (JsonNode pt : f.path("points")) {
            System.out.printf("  %s  %,8.0f units  80%% [%,.0f, %,.0f]%n", pt.path("week").asText(), pt.path("p50").asDouble(),
                    pt.path("lower80").asDouble(), pt.path("upper80").asDouble());
        }
        JsonNode pol = api.get(Demo.FORECAST, "/v1/inventory/" + sku + "/policy?store=" + store).json();
        System.out.printf("  policy (class %s, %.0f%% service level): safety stock %,.0f, reorder point %,.0f, on hand %s, order now %s%n",
                pol.path("abc_class").asText(), 100 * pol.path("service_level").asDouble(), pol.path("safety_stock").asDouble(),
                pol.path("reorder_point").asDouble(), units(pol.path("on_hand")), units(pol.path("suggested_order")));
        for (JsonNode a : api.get(Demo.FORECAST, "/v1/alerts").json().path("alerts")) {
            if (a.path("sku").asText().equals(sku) && a.path("store").asText().equals(store)) {
                System.out.println("  ALERT " + a.path("type").asText() + ": " + a.path("message").asText());
            }
        }

        System.out.println("\n== Campaign ROI (ad-optimizer-service; simulated traffic, last-touch attribution) ==");
        JsonNode roi = api.get(Demo.ADS, "/v1/reports/roi").json();
        for (JsonNode c : roi.path("campaigns")) {
            System.out.println("  " + compact(c));
        }
        for (Map.Entry<String, JsonNode> e : fields(roi)) {
            if (!e.getKey().equals("campaigns")) {
                System.out.println("  " + e.getKey() + ": " + e.getValue());
            }
        }
        Api.Answer alloc = api.post(Demo.ADS, "/v1/budget/allocate", Map.of("total_budget", 3000, "policy", "thompson"), true);
        System.out.println("  next day's ¥3,000 by Thompson sampling (" + alloc.status() + "):");
        for (JsonNode a : alloc.json().path("allocations")) {
            System.out.printf("    %-12s ¥%,8.2f  %s%n", a.path("campaign_id").asText(), a.path("spend").asDouble(), a.path("reason").asText());
        }

        System.out.println("\n== Look further ==");
        System.out.println("  portrait        curl -H \"Authorization: Bearer $(./quanyu token reader)\" " + Api.url(Demo.PROFILE, "/v1/profiles/" + user));
        System.out.println("  recommendations curl -H \"Authorization: Bearer $(./quanyu token customer " + user + ")\" "
                + Api.url(Demo.RECOMMENDER, "/v1/recommendations/" + user + "?limit=10"));
        System.out.println("  forecast        " + Api.url(Demo.FORECAST, "/v1/forecasts/" + sku + "?store=" + store));
        System.out.println("  alerts          " + Api.url(Demo.FORECAST, "/v1/alerts"));
        System.out.println("  ROI chart (SVG) " + Api.url(Demo.ADS, "/v1/reports/roi?format=svg"));
        System.out.println("  journey uplift  curl -H \"Authorization: Bearer $(./quanyu token reader)\" "
                + Api.url(Demo.ENGAGEMENT, "/v1/journeys/" + CartJourney.JOURNEY + "/uplift"));
        System.out.println("  chat            curl -H \"Authorization: Bearer $(./quanyu token customer " + user + ")\" -H 'Content-Type: application/json' "
                + "-d '{\"text\":\"where is my order?\"}' " + Api.url(Demo.CHATBOT, "/v1/chat") + "   (then send the session_id it returns)");
        System.out.println("  each service's API: /q/openapi; metrics: /q/metrics");
    }

    private static String units(JsonNode n) {
        return n.isNumber() ? String.format("%,.0f", n.asDouble()) : "n/a";
    }

    static String pct(JsonNode n) {
        return n.isNumber() ? String.format("%.0f%%", 100 * n.asDouble()) : "n/a";
    }

    private static String top(JsonNode map, int n) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext() && out.size() < n; ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.add(String.format("%s %.1f", e.getKey(), e.getValue().asDouble()));
        }
        return String.join(", ", out);
    }

    private static List<Map.Entry<String, JsonNode>> fields(JsonNode n) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        n.fields().forEachRemaining(out::add);
        return out;
    }

    private static String compact(JsonNode n) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : fields(n)) {
            JsonNode v = e.getValue();
            parts.add(e.getKey() + " " + (v.isFloatingPointNumber() ? String.format("%,.2f", v.asDouble()) : v.asText()));
        }
        return String.join(", ", parts);
    }

    static String trim(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }
}
