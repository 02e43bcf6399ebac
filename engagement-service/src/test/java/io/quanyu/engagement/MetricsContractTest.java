package io.quanyu.engagement;

import io.quanyu.testkit.MetricsContractTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** engagement-service, on the real broker and database, exposes the metrics deploy/prometheus/metrics-contract.txt lists for it. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class MetricsContractTest extends MetricsContractTestBase {

    private static final String SERVICE = "engagement-service";

    MetricsContractTest() {
        super(SERVICE);
    }
}
