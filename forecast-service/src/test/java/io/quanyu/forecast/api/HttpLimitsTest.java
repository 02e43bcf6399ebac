package io.quanyu.forecast.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The forecast service's HTTP cost bounds: a 512 KiB body limit, control characters and wrong-typed values refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/routes/optimize", 512 * 1024,
                List.of("/v1/forecasts/x%00", "/v1/forecasts/a%00b?store=all", "/v1/inventory/sku%1F1/policy", "/v1/alerts?store=s%00"),
                List.of());
    }
}
