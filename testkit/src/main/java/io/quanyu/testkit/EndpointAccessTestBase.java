package io.quanyu.testkit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of a service is in one access class, and the service keeps to it. Reads /q/openapi, where
 * service-support writes each endpoint's class as security requirements, and checks: the document's classes are
 * exactly the subclass's table (so a change of class is a reviewed change of the table); each protected endpoint
 * answers 401 without a credential, with a token that is no credential and with an expired customer token, and 403 with
 * a valid credential of a role it is not for; an endpoint open to anonymous callers refuses a bad token; and what public
 * and anonymous endpoints answer without a credential holds none of the personal data the subclass seeded. The walk never
 * sends an accepted credential, so it changes nothing an admin could.
 *
 * <p>Classes in the table: {@code public}, {@code admin}, {@code admin,reader} (reader, admin too),
 * {@code admin,customer,reader}, {@code anonymous,customer} (a visitor, or a signed-in customer), {@code channel_key}
 * (ingestion's X-Api-Key). A subclass adds {@code @QuarkusTest @WithTestResource(QuanyuInfraResource.class)}.
 */
public abstract class EndpointAccessTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "patch");
    private static final Map<String, String> ROLE_CREDENTIALS = Map.of(
            "admin", TestCredentials.ADMIN, "reader", TestCredentials.READER, "customer", "customer");
    /** Field names that carry a customer's identity or data: none may appear in a public answer. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("user_key", "customer_id", "keys", "members", "traits", "email", "phone",
            "phone_hash", "rfm", "lines", "transcript");

    /** "METHOD /path" of every operation of the OpenAPI document, with its class. */
    protected abstract Map<String, String> expectedAccess();

    /** Values of path parameters by name; any other is "probe-1". */
    protected Map<String, String> pathValues() {
        return Map.of();
    }

    /** The body sent to an operation that takes one ("METHOD /path"); "{}" unless the subclass knows better. */
    protected String body(String operation) {
        return "{}";
    }

    /** Personal data the subclass has seeded (ids, order numbers, amounts): no public or anonymous answer may hold it. */
    protected List<String> personalData() {
        return List.of();
    }

    /** Seeds data before each test (published events the service must have read); nothing by default. */
    protected void seed() throws Exception {
    }

    private record Operation(String verb, String path, String access, String contentType) {
        String key() {
            return verb + " " + path;
        }
    }

    private List<Operation> operations;

    @BeforeEach
    void readTheDocument() throws Exception {
        seed();
        JsonNode doc = JSON.readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asByteArray());
        operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> p = paths.next();
            for (String verb : VERBS) {
                JsonNode op = p.getValue().get(verb);
                if (op != null) {
                    operations.add(new Operation(verb.toUpperCase(Locale.ROOT), p.getKey(), access(op.path("security").isMissingNode()
                            ? doc.path("security") : op.path("security")), contentType(op)));
                }
            }
        }
    }

    @Test
    void everyEndpointIsInTheTable() {
        Map<String, String> documented = new TreeMap<>();
        operations.forEach(o -> documented.put(o.key(), o.access()));
        assertEquals(new TreeMap<>(expectedAccess()), documented, "the access class of each endpoint in /q/openapi");
    }

    @Test
    void protectedEndpointsRefuseNoCredentialAndTheWrongOne() {
        List<String> wrong = new ArrayList<>();
        for (Operation o : operations) {
            Set<String> accepted = Set.of(o.access().split(","));
            if (o.access().equals("public") || accepted.contains("anonymous")) {
                continue;
            }
            expect(wrong, o, "no credential", null, 401);
            expect(wrong, o, "a token that is no credential", "Bearer not-a-credential", 401);
            expect(wrong, o, "a forged customer token", "Bearer " + CustomerTokens.mint("a-secret-nobody-configured-0123456789", "walker",
                    Instant.now(), Instant.now().plusSeconds(600)), 401);
            if (accepted.contains("channel_key")) {
                expect(wrong, o, "a wrong X-Api-Key", "X-Api-Key: not-a-key", 401);
            }
            for (Map.Entry<String, String> role : ROLE_CREDENTIALS.entrySet()) {
                if (!accepted.contains(role.getKey())) {
                    // A valid back-office or customer credential is not a channel key: ingestion answers 401 for it.
                    expect(wrong, o, "the " + role.getKey() + " credential", credential(role.getValue()), accepted.contains("channel_key") ? 401 : 403);
                }
            }
            if (accepted.contains("customer")) {
                expect(wrong, o, "an expired customer token", expiredCustomer(), 401);
            }
        }
        assertEquals(List.of(), wrong, "answers that break the endpoint's access class");
    }

    @Test
    void anonymousEndpointsRefuseABadTokenAndOtherRoles() {
        List<String> wrong = new ArrayList<>();
        for (Operation o : operations) {
            Set<String> accepted = Set.of(o.access().split(","));
            if (!accepted.contains("anonymous")) {
                continue;
            }
            expect(wrong, o, "a token that is no credential", "Bearer not-a-credential", 401);
            expect(wrong, o, "an expired customer token", expiredCustomer(), 401);
            for (Map.Entry<String, String> role : ROLE_CREDENTIALS.entrySet()) {
                if (!accepted.contains(role.getKey())) {
                    expect(wrong, o, "the " + role.getKey() + " credential", credential(role.getValue()), 403);
                }
            }
        }
        assertEquals(List.of(), wrong, "answers that break the endpoint's access class");
    }

    @Test
    void publicAndAnonymousAnswersHoldNoPersonalData() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Operation o : operations) {
            if (!o.access().equals("public") && !Set.of(o.access().split(",")).contains("anonymous")) {
                continue;
            }
            Response r = call(o, null);
            String body = r.asString();
            // 503 is "not ready yet" (no model trained, say), a state and no leak; any other 5xx is a bug the walk found.
            if (r.statusCode() == 401 || r.statusCode() == 403 || r.statusCode() >= 500 && r.statusCode() != 503) {
                wrong.add(o.key() + " without a credential: " + r.statusCode() + " " + cut(body));
                continue;
            }
            for (String datum : personalData()) {
                if (body.contains(datum)) {
                    wrong.add(o.key() + " without a credential shows '" + datum + "': " + cut(body));
                }
            }
            if (r.contentType() != null && r.contentType().startsWith("application/json") && !body.isBlank()) {
                Set<String> fields = new TreeSet<>();
                fieldNames(JSON.readTree(body), fields);
                fields.retainAll(PERSONAL_FIELDS);
                if (!fields.isEmpty()) {
                    wrong.add(o.key() + " without a credential answers fields " + fields + ": " + cut(body));
                }
            }
        }
        assertEquals(List.of(), wrong, "public answers with personal data");
    }

    private void expect(List<String> wrong, Operation o, String what, String credential, int status) {
        Response r = call(o, credential);
        if (r.statusCode() != status) {
            wrong.add(o.key() + " with " + what + ": " + r.statusCode() + " (expected " + status + ") " + cut(r.asString()));
        } else if (!r.asString().contains("\"error\"")) {
            wrong.add(o.key() + " with " + what + ": " + status + " without a JSON error body");
        }
    }

    private Response call(Operation o, String credential) {
        RequestSpecification req = given().redirects().follow(false).accept("application/json, */*");
        if (credential != null) {
            if (credential.startsWith("X-Api-Key: ")) {
                req.header("X-Api-Key", credential.substring("X-Api-Key: ".length()));
            } else {
                req.header("Authorization", credential);
            }
        }
        if (o.contentType() != null) {
            req.contentType(o.contentType()).body(body(o.key()));
        }
        return req.request(o.verb(), path(o.path()));
    }

    private String path(String template) {
        Matcher m = PARAM.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(pathValues().getOrDefault(m.group(1), "probe-1")));
        }
        return m.appendTail(out).toString();
    }

    private static String credential(String value) {
        return value.equals("customer") ? TestCredentials.customer("walker-" + System.nanoTime()) : value;
    }

    private static String expiredCustomer() {
        return "Bearer " + CustomerTokens.mint(TestCredentials.CUSTOMER_SECRET, "walker", Instant.now().minusSeconds(7200), Instant.now().minusSeconds(3600));
    }

    /** The class of an operation from its security requirements: the schemes, plus "anonymous" for an empty requirement. */
    private static String access(JsonNode security) {
        if (!security.isArray() || security.isEmpty()) {
            return "public";
        }
        Set<String> names = new TreeSet<>();
        for (JsonNode requirement : security) {
            if (requirement.isEmpty()) {
                names.add("anonymous");
            }
            requirement.fieldNames().forEachRemaining(names::add);
        }
        return String.join(",", names);
    }

    private static String contentType(JsonNode op) {
        JsonNode content = op.path("requestBody").path("content");
        if (!content.isObject() || content.isEmpty()) {
            return null;
        }
        String first = content.fieldNames().next();
        return first.contains("*") ? "application/json" : first;
    }

    private static void fieldNames(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                out.add(e.getKey());
                fieldNames(e.getValue(), out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> fieldNames(n, out));
        }
    }

    private static String cut(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
