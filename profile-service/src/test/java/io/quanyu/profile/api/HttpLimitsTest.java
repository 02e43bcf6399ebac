package io.quanyu.profile.api;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;

/** The profile service's HTTP cost bounds: a 64 KiB body limit, control characters and wrong-typed paging refused with 400. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/segments", 64 * 1024,
                List.of("/v1/profiles/a%00b", "/v1/profiles/a%00b/export", "/v1/segments/x%01/members"),
                List.of(new WrongType("/v1/segments/any/members?limit=abc", "limit"), new WrongType("/v1/segments/any/members?offset=1.5", "offset")));
    }
}
