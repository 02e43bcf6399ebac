package io.quanyu.engagement.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The engagement service's HTTP cost bounds: a 256 KiB body limit, control characters in ids and customers refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/offers", 256 * 1024,
                List.of("/v1/offers/o%00", "/v1/offers?customer=u:a%00", "/v1/journeys/j%1B/uplift", "/v1/consent/u:x%00"),
                List.of());
    }
}
