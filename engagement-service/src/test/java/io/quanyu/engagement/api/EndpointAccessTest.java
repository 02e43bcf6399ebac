package io.quanyu.engagement.api;

import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

/** Every engagement endpoint in its access class: definitions for admins, budgets, uplift and consent for the back office, live codes for their customer. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    private static final String RUN = Eng.run();
    private static final String OFFER = "walk-" + RUN;
    private static final String JOURNEY = "walk-journey-" + RUN;
    private static final String CUSTOMER = "u:walk-" + RUN;
    private static boolean seeded;

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.ofEntries(
                Map.entry("POST /v1/offers", "admin"),
                Map.entry("GET /v1/offers", "admin,customer,reader"),
                Map.entry("GET /v1/offers/{id}", "admin,reader"),
                Map.entry("GET /v1/offers/{id}/uplift", "admin,reader"),
                Map.entry("PUT /v1/offers/{id}", "admin"),
                Map.entry("DELETE /v1/offers/{id}", "admin"),
                Map.entry("POST /v1/offers/{id}/grants", "admin"),
                Map.entry("POST /v1/journeys", "admin"),
                Map.entry("GET /v1/journeys", "admin,reader"),
                Map.entry("GET /v1/journeys/{id}", "admin,reader"),
                Map.entry("PUT /v1/journeys/{id}", "admin"),
                Map.entry("DELETE /v1/journeys/{id}", "admin"),
                Map.entry("GET /v1/journeys/{id}/uplift", "admin,reader"),
                Map.entry("GET /v1/consent/{customer}", "admin,customer,reader"),
                Map.entry("PUT /v1/consent/{customer}", "admin,customer"),
                Map.entry("GET /v1/admin/deadletters", "admin"),
                Map.entry("POST /v1/admin/deadletters/{consumer}/redrive", "admin"));
    }

    /** An offer with a code granted to a customer, and a journey on a channel no other test uses. */
    @Override
    protected void seed() {
        if (seeded) {
            return;
        }
        Eng.post("/v1/offers", Eng.fixedOffer(OFFER, "5", "50", List.of())).statusCode(201);
        Eng.post("/v1/offers/" + OFFER + "/grants", Map.of("customer", CUSTOMER)).statusCode(201);
        Eng.post("/v1/journeys", Eng.cartJourney(JOURNEY, OFFER, "PT30M", 0.1, List.of("miniprogram"), null)).statusCode(201);
        seeded = true;
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("id", OFFER, "customer", CUSTOMER);
    }

    @Override
    protected List<String> personalData() {
        return List.of(CUSTOMER);
    }
}
