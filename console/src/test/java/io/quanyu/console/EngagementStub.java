package io.quanyu.console;

/**
 * engagement-service's answers for the console's tests, in the service's JSON shapes (snake_case, nulls left out):
 * two journeys (one whose uplift query fails with a 503), one offer, and a 404 for any other journey.
 */
final class EngagementStub {

    /** A status and a JSON body. */
    record Answer(int status, String body) {
    }

    static final String CART_RESCUE = """
            {"journey": {"journey_id": "cart-rescue", "name": "Abandoned carts",
              "trigger": {"kind": "cart_abandoned", "wait": "PT30M", "channels": ["web", "app"]},
              "action": {"kind": "grant_offer", "offer_id": "cart-10", "channel": "app", "recommendations": 0},
              "branches": [{"when": {"segments": ["vip"], "bought_before": true},
                            "action": {"kind": "send_message", "message": "VIP picks", "recommendations": 4}}],
              "holdout_share": 0.1, "frequency_cap": {"max": 1, "per": "P7D"},
              "quiet_hours": {"start": "22:00", "end": "08:00", "zone": "Asia/Shanghai"}, "attribution_window": "P7D"},
             "active": true}""";

    static final String WIN_BACK = """
            {"journey": {"journey_id": "win-back", "name": "Customers turning at risk",
              "trigger": {"kind": "lifecycle", "lifecycle": "at_risk"},
              "action": {"kind": "send_message", "message": "Long time no see", "recommendations": 4}, "branches": [],
              "holdout_share": 0.2, "attribution_window": "P14D"},
             "active": false}""";

    /** 18 of 90 treated entries converted, 1 of 10 held out: +10 points, an interval that includes 0. */
    static final String CART_RESCUE_UPLIFT = """
            {"journey_id": "cart-rescue", "attribution_window": "P7D",
             "treated": {"entries": 90, "customers": 88, "conversions": 18, "conversion_rate": 0.2, "revenue": 3600, "revenue_per_entry": 40},
             "holdout": {"entries": 10, "customers": 10, "conversions": 1, "conversion_rate": 0.1, "revenue": 150, "revenue_per_entry": 15},
             "conversion_rate_difference": 0.1, "ci95": {"lower": -0.1234, "upper": 0.2346}, "ci95_wald": {"lower": -0.09, "upper": 0.29},
             "method": "newcombe_hybrid_score", "redemptions": 7, "redeemed_discount": 70,
             "feedback": {"delivered": 80, "opened": 41, "clicked": 12}}""";

    static final String OFFERS = """
            [{"offer": {"offer_id": "cart-10", "name": "10 off a cart", "kind": "fixed_amount", "value": 10, "currency": "CNY", "budget": 1000,
               "per_customer_limit": 1},
              "active": true, "granted": 25, "redemptions": 7, "spent": 70, "budget_left": 930}]""";

    /** 12 of 40 treated, 0 of 5 held out: an interval above 0. */
    static final String OFFER_UPLIFT = """
            {"offer_id": "cart-10",
             "treated": {"entries": 40, "customers": 40, "conversions": 12, "conversion_rate": 0.3, "revenue": 900, "revenue_per_entry": 22.5},
             "holdout": {"entries": 5, "customers": 5, "conversions": 0, "conversion_rate": 0.0, "revenue": 0},
             "conversion_rate_difference": 0.3, "ci95": {"lower": 0.0312, "upper": 0.4468}, "method": "newcombe_hybrid_score",
             "redemptions": 7, "redeemed_discount": 70, "feedback": {"delivered": 0, "opened": 0, "clicked": 0}}""";

    private EngagementStub() {
    }

    static Answer answer(String path, boolean empty) {
        return switch (path) {
            case "/v1/journeys" -> new Answer(200, empty ? "[]" : "[" + CART_RESCUE + "," + WIN_BACK + "]");
            case "/v1/offers" -> new Answer(200, empty ? "[]" : OFFERS);
            case "/v1/journeys/cart-rescue" -> new Answer(200, CART_RESCUE);
            case "/v1/journeys/cart-rescue/uplift" -> new Answer(200, CART_RESCUE_UPLIFT);
            case "/v1/journeys/win-back" -> new Answer(200, WIN_BACK);
            case "/v1/journeys/win-back/uplift" -> new Answer(503, "{\"error\":\"unavailable\",\"message\":\"the database is not answering\"}");
            case "/v1/offers/cart-10/uplift" -> new Answer(200, OFFER_UPLIFT);
            default -> path.startsWith("/v1/journeys/")
                    ? new Answer(404, "{\"error\":\"not_found\",\"message\":\"no journey '" + path.substring("/v1/journeys/".length()).split("/")[0] + "'\"}")
                    : new Answer(404, "{\"error\":\"not_found\",\"message\":\"nothing here\"}");
        };
    }
}
