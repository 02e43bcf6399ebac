package io.quanyu.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cost bounds every service keeps on its HTTP API (issue 17), on the real stack: a body over the service's limit
 * gets 413 with the JSON error, a control character (NUL …) in the path or the query gets 400, and a path or query value
 * of the wrong type gets 400 naming the parameter, never 404, 500 or 503. A service's {@code HttpLimitsTest} extends this
 * with {@code @QuarkusTest @WithTestResource(QuanyuInfraResource.class)} and names its own endpoints.
 */
public abstract class HttpLimitsTestBase {

    /** A GET whose path and query (already percent-encoded) carry a value of the wrong type for the named parameter. */
    public record WrongType(String pathAndQuery, String parameter) {
    }

    /** The token the services' test profiles configure for admin endpoints. */
    protected static final String ADMIN = "Bearer test-admin-token";

    private final String bodyPath;
    private final long maxBodyBytes;
    private final List<String> controlCharacterPaths;
    private final List<WrongType> wrongTyped;

    /**
     * @param bodyPath a POST endpoint of the service that takes a JSON body
     * @param maxBodyBytes its {@code quarkus.http.limits.max-body-size} in bytes
     * @param controlCharacterPaths GETs of the service's own endpoints with %00 or another control character, percent-encoded
     * @param wrongTyped the service's typed parameters with a value that does not convert
     */
    protected HttpLimitsTestBase(String bodyPath, long maxBodyBytes, List<String> controlCharacterPaths, List<WrongType> wrongTyped) {
        this.bodyPath = bodyPath;
        this.maxBodyBytes = maxBodyBytes;
        this.controlCharacterPaths = controlCharacterPaths;
        this.wrongTyped = wrongTyped;
    }

    @Test
    void aBodyOverTheLimitGets413WithTheJsonError() throws Exception {
        // Expect: 100-continue, as a client uploading something large sends it: the 413 comes before the body is sent.
        HttpResponse<String> declared = send(HttpRequest.newBuilder(uri(bodyPath)).expectContinue(true)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(jsonOf(maxBodyBytes + 1))));
        assertThat(declared.statusCode()).as(declared.body()).isEqualTo(413);
        assertThat(declared.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonPath error = JsonPath.from(declared.body());
        assertThat(error.getString("error")).isEqualTo("too_large");
        assertThat(error.getString("message")).contains(Long.toString(maxBodyBytes));

        // Without a declared length (chunked), the body is counted while it is read: still 413 and JSON.
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(uri(bodyPath)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOf(maxBodyBytes + 1)))));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(JsonPath.from(chunked.body()).getString("error")).isEqualTo("too_large");

        // A chunked body within the limit reaches the endpoint (which answers it: here a JSON string it does not take).
        HttpResponse<String> small = send(HttpRequest.newBuilder(uri(bodyPath)).header("Content-Type", "application/json")
                .header("Authorization", ADMIN).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(jsonOf(1000)))));
        assertThat(small.statusCode()).as(small.body()).isBetween(200, 499).isNotEqualTo(413);
        assertThat(JsonPath.from(small.body()).getString("error")).as(small.body()).isNotEqualTo("too_large");

        // The service keeps answering on new connections.
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aControlCharacterInThePathOrQueryGets400() {
        List<String> paths = new ArrayList<>(controlCharacterPaths);
        paths.addAll(List.of("/v1/x%00", "/v1/admin/deadletters/a%0Ab/redrive", "/q-not-a-route%7F"));
        for (String path : paths) {
            int status = given().urlEncodingEnabled(false).get(path).then().body("error", equalTo("invalid_request"))
                    .body("message", containsString("control character")).extract().statusCode();
            assertThat(status).as(path).isEqualTo(400);
        }
        String first = controlCharacterPaths.getFirst();
        String clean = first.substring(0, first.indexOf('%'));
        given().urlEncodingEnabled(false).get(clean + "?x=a%00b").then().statusCode(400).body("message", containsString("'x'"));
        given().urlEncodingEnabled(false).get(clean + "?x=a%C2%85b").then().statusCode(400);
    }

    @Test
    void aValueOfTheWrongTypeGets400NamingTheParameter() {
        for (WrongType w : wrongTyped) {
            // With a credential: a protected endpoint checks it before its parameters.
            given().header("Authorization", ADMIN).urlEncodingEnabled(false).get(w.pathAndQuery()).then().statusCode(400).body("error", equalTo("invalid_parameter"))
                    .body("message", containsString("'" + w.parameter() + "'"));
        }
        // Every service has the dead-letter re-drive, whose budget is an int.
        for (String budget : List.of("abc", "1.5", "99999999999")) {
            given().header("Authorization", ADMIN).urlEncodingEnabled(false).post("/v1/admin/deadletters/no-such-consumer/redrive?budget_seconds=" + budget)
                    .then().statusCode(400).body("error", equalTo("invalid_parameter")).body("message", containsString("'budget_seconds'"));
        }
        // A path that does not exist is still a 404.
        given().get("/v1/no-such-endpoint").then().statusCode(404).body("error", equalTo("not_found"));
    }

    private static URI uri(String path) {
        return URI.create(RestAssured.baseURI + ":" + RestAssured.port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build()) {
            return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A JSON string document of exactly that many bytes. */
    private static byte[] jsonOf(long bytes) {
        byte[] b = new byte[Math.toIntExact(bytes)];
        Arrays.fill(b, (byte) 'x');
        b[0] = '"';
        b[b.length - 1] = '"';
        return b;
    }
}
