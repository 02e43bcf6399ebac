package io.quanyu.recommender.api;

import io.quanyu.recommender.store.InteractionStore;
import io.quanyu.testkit.EndpointAccessTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/** Every recommender endpoint in its access class; with MovieLens customers trained, no public answer names one. */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class EndpointAccessTest extends EndpointAccessTestBase {

    @Inject
    InteractionStore store;

    @Override
    protected Map<String, String> expectedAccess() {
        return Map.of(
                "GET /v1/recommendations/{userId}", "admin,customer,reader",
                "GET /v1/items/{itemId}/similar", "public",
                "GET /v1/popular", "public",
                "GET /v1/models", "public",
                "POST /v1/models/retrain", "admin",
                "GET /v1/admin/deadletters", "admin",
                "POST /v1/admin/deadletters/{consumer}/redrive", "admin");
    }

    @Override
    protected void seed() throws Exception {
        MovieLensFixture.ensureTrained(store);
    }

    @Override
    protected Map<String, String> pathValues() {
        return Map.of("userId", "ml-1", "itemId", "ml-item-50");
    }

    @Override
    protected List<String> personalData() {
        return List.of("u:ml-", "history_size");
    }
}
