package io.quanyu.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
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
        for (String page : new String[] {"/", "/customers", "/segments", "/campaigns", "/inventory", "/service", "/engagement"}) {
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
        for (String page : new String[] {"/", "/customers?key=ml-13", "/segments/big-spenders", "/campaigns", "/inventory", "/service", "/engagement"}) {
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
    void theEngagementPageShowsJourneysOffersAndTheirUpliftWithTheReadersToken() {
        String page = given().cookie("quanyu_console", READER).when().get("/engagement").then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        assertThat(page).contains("id=\"nav-engagement\"", "data-journey=\"cart-rescue\"", "data-journey=\"win-back\"", "Abandoned carts")
                .contains("cart_abandoned</span> wait PT30M · web, app", "lifecycle</span> at_risk");
        // The cart journey's row: treated 90 / 18 / 20 %, holdout 10 / 1 / 10 %, +10 points, Newcombe's interval, feedback.
        String cart = row(page, "data-journey=\"cart-rescue\"");
        assertThat(cart).contains(">90<", ">18<", "20.0 %", ">10<", ">1<", "10.0 %", "-12.3 % … 23.5 %", ">7<", "80 / 41 / 12")
                .doesNotContain("≠ 0");
        // The win-back uplift failed with a 503: its row says nothing, the top of the page says why.
        assertThat(row(page, "data-journey=\"win-back\"")).contains("20.0 %", "<td colspan=\"10\">—</td>");
        assertThat(page).contains("id=\"problems\"", "engagement-service answered 503: the database is not answering");
        // The offer: counters, budget left, and an uplift whose interval leaves out 0.
        String offer = row(page, "data-offer=\"cart-10\"");
        assertThat(offer).contains("10 off a cart", "fixed_amount", ">25<", "70.00", "1,000.00", "930.00", "12 / 40", "0 / 5", "30.0 %", "3.1 % … 44.7 %", "≠ 0");
        assertThat(page).doesNotContain("id=\"no-journeys\"", "id=\"chart-uplift\"");
        List<StubBackends.Seen> calls = StubBackends.SEEN.stream().filter(s -> s.path().startsWith("/v1/journeys") || s.path().startsWith("/v1/offers")).toList();
        assertThat(calls).extracting(StubBackends.Seen::path).contains("/v1/journeys", "/v1/offers", "/v1/journeys/cart-rescue/uplift",
                "/v1/journeys/win-back/uplift", "/v1/offers/cart-10/uplift");
        assertThat(calls).allMatch(s -> s.method().equals("GET") && ("Bearer " + READER).equals(s.authorization()));
    }

    @Test
    void oneJourneyShowsItsDefinitionAndAChartOfBothGroups() {
        String page = given().cookie("quanyu_console", READER).when().get("/engagement?journey=cart-rescue").then().statusCode(200).extract().asString();
        assertThat(page).contains("id=\"journey-detail\"", "id=\"definition\"", "22:00 – 08:00 Asia/Shanghai", "1 / P7D")
                .contains("segment in vip and bought before", "send_message · “VIP picks” · + 4 recommendations", "grant_offer · offer cart-10 · on app")
                .contains("id=\"chart-uplift\"", "boxplot", "id=\"uplift-summary\"")
                .doesNotContain("answered 404");
        String chart = page.substring(page.indexOf("id=\"chart-uplift\""));
        // Treated 18/90 with Wilson's interval 13.04–29.41 %, held out 1/10 (1.79–40.42 %), the difference with the service's interval.
        assertThat(chart.substring(0, chart.indexOf("></div>"))).contains("[13.04,13.04,20.0,29.41,29.41]", "[1.79,1.79,10.0,40.42,40.42]",
                "[-12.34,-12.34,10.0,23.46,23.46]");
        // The definition in the page's language.
        given().cookie("quanyu_console", READER).cookie("quanyu_lang", "zh").when().get("/engagement?journey=cart-rescue").then().statusCode(200)
                .body(containsString("属于分群 vip 且 曾购买"), containsString("等待 PT30M · web, app"), containsString("干预组"));
        // An unknown journey: engagement's own 404, in words, and the lists still shown.
        given().cookie("quanyu_console", READER).when().get("/engagement?journey=nope").then().statusCode(200)
                .body(containsString("engagement-service answered 404: no journey"), containsString("data-journey=\"cart-rescue\""),
                        not(containsString("id=\"definition\"")));
    }

    @Test
    void theEngagementPageSaysWhenThereIsNoJourneyAndWhenTheServiceIsDown() {
        StubBackends.engagementEmpty = true;
        try {
            given().cookie("quanyu_console", READER).when().get("/engagement").then().statusCode(200)
                    .body(containsString("id=\"no-journeys\""), containsString("id=\"no-offers\""), not(containsString("id=\"problems\"")));
        } finally {
            StubBackends.engagementEmpty = false;
        }
        int port = StubBackends.engagementPort();
        StubBackends.stopEngagement();
        try {
            given().cookie("quanyu_console", READER).cookie("quanyu_lang", "zh").when().get("/engagement?journey=cart-rescue").then().statusCode(200)
                    .body(containsString("engagement-service did not answer: connection refused"), containsString("id=\"journeys-not-loaded\""),
                            containsString("营销自动化"), not(containsString("id=\"no-journeys\"")), not(containsString("Exception")));
        } finally {
            StubBackends.startEngagement(port);
        }
    }

    /** The table row of the page that carries the attribute. */
    private static String row(String page, String attribute) {
        int at = page.indexOf(attribute);
        assertThat(at).as("a row with " + attribute).isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at));
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
