package io.quanyu.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The BFF through HTTP: sign-in and roles, every page with its backends failing, the segment builder's call, zh/en. */
@QuarkusTest
@QuarkusTestResource(StubBackends.class)
class ConsoleTest {

    private static final String READER = "test-reader-token";
    private static final String ADMIN = "test-admin-token";

    @BeforeEach
    void clear() {
        StubBackends.SEEN.clear();
    }

    @Test
    void pagesNeedASignInAndOnlyStaffTokensSignIn() {
        for (String page : new String[] {"/", "/customers", "/segments", "/campaigns", "/inventory", "/service"}) {
            given().redirects().follow(false).when().get(page).then().statusCode(303).header("Location", containsString("/sign-in"));
        }
        given().redirects().follow(false).cookie("quanyu_console", "not-a-token").when().get("/").then().statusCode(303);
        given().redirects().follow(false).formParam("token", "wrong").when().post("/sign-in").then().statusCode(303)
                .header("Location", containsString("/sign-in?refused")).header("Set-Cookie", org.hamcrest.Matchers.nullValue());
        given().when().get("/sign-in?refused=1").then().statusCode(200).body(containsString("not a reader or admin token"));
        Response ok = given().redirects().follow(false).formParam("token", READER).when().post("/sign-in");
        assertThat(ok.statusCode()).isEqualTo(303);
        String cookie = ok.getHeader("Set-Cookie");
        assertThat(cookie).contains("quanyu_console=" + READER).contains("HttpOnly").contains("SameSite=Strict");
        given().redirects().follow(false).when().post("/sign-out").then().statusCode(303).header("Set-Cookie", containsString("Max-Age=0"));
    }

    @Test
    void everyPageRendersWithItsBackendsDownAndSaysSo() {
        // Profile (the stub) answers the segment list, so /segments has nothing to complain about; the others do.
        for (String page : new String[] {"/", "/customers?key=ml-13", "/segments/big-spenders", "/campaigns", "/inventory", "/service"}) {
            given().cookie("quanyu_console", READER).when().get(page).then()
                    .statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("id=\"problems\""), not(containsString("Exception")), not(containsString("\"error\":\"internal\"")));
        }
        given().cookie("quanyu_console", READER).when().get("/campaigns").then().body(containsString("ad-optimizer-service did not answer: connection refused"));
        // Profile answered 503 with its reason: the page quotes it.
        given().cookie("quanyu_console", READER).when().get("/customers?key=ml-13").then()
                .body(containsString("profile-service answered 503: the database is not answering; try again shortly"));
    }

    @Test
    void theSegmentBuilderPostsItsConditionWithTheSignedInToken() {
        given().cookie("quanyu_console", ADMIN).redirects().follow(false)
                .formParam("name", "Buyers").formParam("combine", "all")
                .formParam("field0", "activity.purchases").formParam("op0", ">=").formParam("value0", "1")
                .formParam("field1", "rfm.label").formParam("op1", "in").formParam("value1", "champion,loyal")
                .formParam("field2", "").formParam("op2", ">=").formParam("value2", "")
                .formParam("condition_json", "")
                .when().post("/segments").then().statusCode(303).header("Location", containsString("created%20buyers"));
        StubBackends.Seen post = StubBackends.SEEN.stream().filter(s -> s.method().equals("POST")).findFirst().orElseThrow();
        assertThat(post.path()).isEqualTo("/v1/segments");
        assertThat(post.authorization()).isEqualTo("Bearer " + ADMIN);
        assertThat(post.body()).contains("\"name\":\"Buyers\"")
                .contains("{\"all\":[{\"field\":\"activity.purchases\",\"op\":\">=\",\"value\":1},{\"field\":\"rfm.label\",\"op\":\"in\",\"value\":[\"champion\",\"loyal\"]}]}");
    }

    @Test
    void aReaderIsRefusedByProfileItselfAndThePageSaysWhy() {
        given().cookie("quanyu_console", READER).formParam("name", "Buyers").formParam("field0", "activity.purchases").formParam("op0", ">=")
                .formParam("value0", "1").when().post("/segments").then().statusCode(200)
                .body(containsString("profile-service answered 403: this endpoint is for admin, not reader"), containsString("Admin only"));
        assertThat(StubBackends.SEEN).anyMatch(s -> s.method().equals("POST") && ("Bearer " + READER).equals(s.authorization()));
    }

    @Test
    void segmentsListSplitsRulesFromClusters() {
        given().cookie("quanyu_console", READER).when().get("/segments").then().statusCode(200)
                .body(containsString("data-segment=\"big-spenders\""), containsString("heavy film viewers"), containsString("Admin only"));
    }

    @Test
    void theLanguageSwitchRendersChinese() {
        Response r = given().redirects().follow(false).formParam("lang", "zh").formParam("back", "/segments").when().post("/language");
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.getHeader("Location")).endsWith("/segments");
        given().cookie("quanyu_console", READER).cookie("quanyu_lang", "zh").when().get("/segments").then()
                .body(containsString("人群分群"), containsString("lang=\"zh\""));
        given().cookie("quanyu_console", READER).header("Accept-Language", "zh-CN,zh;q=0.9").when().get("/").then().body(containsString("概览"));
        // Only a path of this console: no open redirect.
        given().redirects().follow(false).formParam("lang", "en").formParam("back", "//elsewhere.example/x").when().post("/language")
                .then().header("Location", not(containsString("elsewhere")));
    }

    @Test
    void chartsComeFromTheBundledLibraryAndNoDeadLetterEndpoints() {
        given().when().get("/webjars/echarts/5.3.1/dist/echarts.min.js").then().statusCode(200);
        given().when().get("/console.js").then().statusCode(200).body(containsString("echarts.init"));
        given().header("Authorization", "Bearer " + ADMIN).when().get("/v1/admin/deadletters").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
