package io.quanyu.ingestion;

import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;

/** Every ingestion endpoint in its access class: channel keys write events, back-office and customer tokens are no channel key. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.of(
                "POST /v1/collect/{channel}", "channel_key",
                "POST /v1/catalog/products", "channel_key",
                "GET /v1/admin/deadletters", "admin",
                "POST /v1/admin/deadletters/{consumer}/redrive", "admin");
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("channel", "web");
    }
}
