package io.quanyu.ads.api;

import static io.restassured.RestAssured.given;

import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.KafkaTestClient;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;

/** Every ad-optimizer endpoint in its access class; a campaign's audience (customers) only for the back office. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    private static final String RUN = Ads.run();
    private static final String CAMPAIGN = "WALK-" + RUN;
    private static final String CUSTOMER = "walk-" + RUN;
    private static boolean seeded;

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.ofEntries(
                Map.entry("POST /v1/campaigns", "admin"),
                Map.entry("GET /v1/campaigns", "public"),
                Map.entry("GET /v1/campaigns/{id}", "public"),
                Map.entry("GET /v1/campaigns/{id}/audience", "admin,reader"),
                Map.entry("GET /v1/campaigns/{id}/performance", "public"),
                Map.entry("POST /v1/budget/allocate", "admin"),
                Map.entry("GET /v1/budget/decisions/{id}", "public"),
                Map.entry("GET /v1/experiments/compare", "public"),
                Map.entry("GET /v1/reports/roi", "public"),
                Map.entry("GET /v1/admin/deadletters", "admin"),
                Map.entry("POST /v1/admin/deadletters/{consumer}/redrive", "admin"));
    }

    /** A campaign whose audience holds one customer, visible to the reader before the walk. */
    @Override
    protected void seed() {
        if (seeded) {
            return;
        }
        String segment = "seg-" + RUN;
        Ads.register(Ads.campaign(CAMPAIGN, "10", "0", "20", List.of(segment), List.of())).statusCode(201);
        try (KafkaTestClient kafka = KafkaTestClient.shared()) {
            Ads.profile(kafka, CUSTOMER, List.of("u:" + CUSTOMER), List.of(segment), 0.7);
        }
        Ads.await(() -> given().header("Authorization", Ads.READER).get("/v1/campaigns/{id}/audience", CAMPAIGN).asString().contains(CUSTOMER),
                "the seeded customer in the audience");
        seeded = true;
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("id", CAMPAIGN);
    }

    @Override
    protected List<String> personalData() {
        return List.of(CUSTOMER);
    }
}
