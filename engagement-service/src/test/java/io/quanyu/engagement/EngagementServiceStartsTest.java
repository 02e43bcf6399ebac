package io.quanyu.engagement;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quanyu.testkit.ServiceStartsOnRealInfraTestBase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** engagement-service starts on the real broker and a real PostgreSQL database and reports ready. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EngagementServiceStartsTest extends ServiceStartsOnRealInfraTestBase {
}
