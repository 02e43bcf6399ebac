package io.quanyu.forecast;

import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

/** Every forecast endpoint in its access class: forecasts, policies, alerts and routes hold no personal data and are public. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.of(
                "GET /v1/forecasts/{sku}", "public",
                "GET /v1/forecasts/{sku}/history", "public",
                "GET /v1/inventory/{sku}/policy", "public",
                "GET /v1/alerts", "public",
                "POST /v1/routes/optimize", "public",
                "GET /v1/admin/deadletters", "admin",
                "POST /v1/admin/deadletters/{consumer}/redrive", "admin");
    }
}
