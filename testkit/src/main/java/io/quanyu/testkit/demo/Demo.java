package io.quanyu.testkit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quanyu.testkit.replay.MovieLensData;
import io.quanyu.testkit.replay.MovieLensReplay;
import io.quanyu.testkit.replay.RawMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The second half of {@code ./quanyu demo}, after the stack is up and the MovieLens log replayed: Dominick's sales as
 * store traffic with a stock count, simulated ad traffic, a tour of what the running services made of it all, and last an
 * abandoned-cart journey on the MovieLens customers with its uplift.
 * Every figure printed comes from a service's HTTP API.
 */
public final class Demo {

    /** The launcher's ports: QUANYU_PORT_BASE (8080) plus 1 to 7. */
    static final int PORT_BASE = Integer.parseInt(System.getenv().getOrDefault("QUANYU_PORT_BASE", "8080").trim());
    static final int INGESTION = PORT_BASE + 1;
    static final int PROFILE = PORT_BASE + 2;
    static final int RECOMMENDER = PORT_BASE + 3;
    static final int CHATBOT = PORT_BASE + 4;
    static final int FORECAST = PORT_BASE + 5;
    static final int ADS = PORT_BASE + 6;
    static final int ENGAGEMENT = PORT_BASE + 7;
    static final List<Integer> STORES = List.of(2, 5);
    static final List<String> LOW_STOCK = List.of(DominicksFeed.sku(1), DominicksFeed.sku(5));
    static final int AD_USERS = 943;

    private Demo() {
    }

    /** {@code Demo <bootstrap> <data dir>}; the credentials come from QUANYU_ADMIN_TOKEN, QUANYU_READER_TOKEN, QUANYU_CUSTOMER_TOKEN_SECRET. */
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        Path data = Path.of(args.length > 1 ? args[1] : "../shared/data");
        Api api = Api.fromEnv();
        Instant now = Instant.now();

        System.out.println("\nDominick's orange juice: 52 weeks of 11 brands at 2 stores as POS receipts on raw.store, then a stock count");
        List<DominicksFeed.Sale> sales = DominicksFeed.read(data.resolve("dominicks-oj/sales.csv"), STORES);
        List<RawMessage> store = new ArrayList<>(DominicksFeed.receipts(sales, LocalDate.now()));
        MovieLensReplay.publish(bootstrap, store);
        long series = sales.stream().map(s -> s.store() + "|" + s.brand()).distinct().count();
        Progress.await("forecasts per store and brand", series, () -> forecasts(api, sales), Duration.ofMinutes(4));
        MovieLensReplay.publish(bootstrap, DominicksFeed.stockCounts(sales, LOW_STOCK, Instant.now()));

        System.out.println("\nAds: 3 campaigns registered, 14 days of simulated traffic for the 943 MovieLens customers (stated rates, not data)");
        for (AdTraffic.Sim c : AdTraffic.CAMPAIGNS) {
            Api.Answer a = api.post(ADS, "/v1/campaigns", AdTraffic.registration(c), true);
            if (!a.ok()) {
                System.out.println("  campaign " + c.campaignId() + ": " + a.status() + " " + a.body());
            }
        }
        AdTraffic.Traffic traffic = AdTraffic.generate(AD_USERS, now, 7);
        MovieLensReplay.publish(bootstrap, traffic.messages());
        System.out.printf("  published %,d ad events (%,d clicks) and %d purchases after a click (%d web checkouts, %d store receipts)%n",
                traffic.messages().size() - traffic.webPurchases() - traffic.storePurchases(), traffic.clicks(),
                traffic.webPurchases() + traffic.storePurchases(), traffic.webPurchases(), traffic.storePurchases());
        Progress.await("purchases attributed to campaigns", traffic.webPurchases() + traffic.storePurchases(), () -> attributed(api),
                Duration.ofMinutes(3));
        Progress.await("stock alerts raised", LOW_STOCK.size() * STORES.size(), () -> alerts(api), Duration.ofMinutes(2));

        System.out.println("\nRetraining the recommender and the profile models on everything that arrived ...");
        api.post(PROFILE, "/v1/models/retrain", java.util.Map.of(), true);
        api.post(RECOMMENDER, "/v1/models/retrain", java.util.Map.of(), true);

        Tour.print(api, sales);
        // After the tour: the journey's store purchases would otherwise be credited to the simulated ad clicks (7-day window)
        // and blur the campaigns' stated rates in the ROI above.
        CartJourney.run(api, bootstrap, MovieLensData.load(data), AD_USERS);
    }

    private static long forecasts(Api api, List<DominicksFeed.Sale> sales) {
        return sales.stream().map(s -> s.store() + "|" + s.brand()).distinct().filter(k -> {
            String[] p = k.split("\\|");
            Api.Answer a = api.get(FORECAST, "/v1/forecasts/" + DominicksFeed.sku(Integer.parseInt(p[1])) + "?store="
                    + DominicksFeed.store(Integer.parseInt(p[0])) + "&horizon=4");
            return a.ok() && a.json().path("observed_weeks").asInt() >= 40;
        }).count();
    }

    static long attributed(Api api) {
        long n = 0;
        for (AdTraffic.Sim c : AdTraffic.CAMPAIGNS) {
            JsonNode t = api.get(ADS, "/v1/campaigns/" + c.campaignId() + "/performance?model=last_touch").json().path("totals");
            n += Math.round(t.path("conversions").asDouble());
        }
        return n;
    }

    private static long alerts(Api api) {
        JsonNode all = api.get(FORECAST, "/v1/alerts").json().path("alerts");
        long n = 0;
        for (JsonNode a : all) {
            if (LOW_STOCK.contains(a.path("sku").asText())) {
                n++;
            }
        }
        return n;
    }
}
