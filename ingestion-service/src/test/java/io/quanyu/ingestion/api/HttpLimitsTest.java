package io.quanyu.ingestion.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.testkit.HttpLimitsTestBase;
import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The ingestion service's HTTP cost bounds: 4 MiB for any body, control characters refused with 400; the collector's own
 * 512 KiB limit still answers its JSON 413, also for a chunked upload, and a chunked batch within it is collected.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class HttpLimitsTest extends HttpLimitsTestBase {

    HttpLimitsTest() {
        super("/v1/collect/web", 4 * 1024 * 1024, List.of("/v1/collect/we%00b", "/v1/catalog/products?x=%00"), List.of());
    }

    @Test
    void chunkedUploadsMeetTheCollectorsOwnLimitAndAreCollectedWithinIt() throws Exception {
        String event = """
                {"message_id":"chunked-%s","anonymous_id":"an-chunked","event":"page_view","page_url":"https://shop/","ts":%d}"""
                .formatted(UUID.randomUUID(), Instant.now().toEpochMilli());
        HttpResponse<String> ok = chunked(event.getBytes(StandardCharsets.UTF_8));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
        assertThat(JsonPath.from(ok.body()).getInt("accepted")).isEqualTo(1);

        HttpResponse<String> big = chunked(("{\"pad\":\"" + "x".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(JsonPath.from(big.body()).getString("message")).contains("at most 524288");
    }

    private static HttpResponse<String> chunked(byte[] body) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/v1/collect/web"))
                    .header("Content-Type", "application/json").header("X-Api-Key", "test-web-key")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
