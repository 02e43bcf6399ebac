package io.quanyu.ads.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The ad optimizer's HTTP cost bounds: a 256 KiB body limit, control characters in campaign and decision ids refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/budget/allocate", 256 * 1024,
                List.of("/v1/campaigns/c%00", "/v1/campaigns/c%00/performance", "/v1/campaigns/c1/audience?mode=%00", "/v1/budget/decisions/d%1B"),
                List.of());
    }
}
