package io.quanyu.recommender.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The recommender's HTTP cost bounds: a 64 KiB body limit (it takes no body), control characters and wrong-typed values refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/admin/deadletters/no-such-consumer/redrive", 64 * 1024,
                List.of("/v1/recommendations/u%00", "/v1/items/%00/similar", "/v1/popular?category=%00", "/v1/recommendations/u1?exclude=a%0Db"),
                List.of(new WrongType("/v1/items/x/similar?limit=1e3", "limit"), new WrongType("/v1/popular?limit=99999999999", "limit")));
    }
}
