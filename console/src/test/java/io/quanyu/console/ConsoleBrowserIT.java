package io.quanyu.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in headless Chromium (Debian's chromium and chromedriver) against a running stack with the demo data
 * (./quanyu browser-test): every page shows figures that came from the services, the segment builder creates a segment
 * that profile's API then lists, an angry chat's hand-off shows in the queue, the Engagement page lists what
 * engagement-service holds, and no page logs a console error.
 * Screenshots go to target/screenshots. Environment: QUANYU_PORT_BASE (8080), QUANYU_ADMIN_TOKEN, QUANYU_READER_TOKEN.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int BASE = Integer.parseInt(System.getenv().getOrDefault("QUANYU_PORT_BASE", "8080"));
    private static final String CONSOLE = System.getProperty("quanyu.console.url", "").isBlank() ? "http://localhost:" + BASE
            : System.getProperty("quanyu.console.url");
    private static final String ADMIN = required("QUANYU_ADMIN_TOKEN");
    private static final Path OUT = Path.of(System.getProperty("quanyu.browser.out", "target/screenshots"));

    private static WebDriver driver;
    private static Path profileDir;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void browser() throws IOException {
        Files.createDirectories(OUT);
        profileDir = Files.createTempDirectory("quanyu-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getenv().getOrDefault("QUANYU_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profileDir, "--window-size=1440,1100", "--lang=en-US");
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        String chromedriver = System.getenv().getOrDefault("QUANYU_CHROMEDRIVER", "/usr/bin/chromedriver");
        // The driver is named, so Selenium Manager has nothing to look up or download.
        System.setProperty("webdriver.chrome.driver", chromedriver);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver)).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @AfterAll
    static void close() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profileDir != null) {
            try (var files = Files.walk(profileDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    @Order(1)
    void signInRefusesAWrongTokenThenTakesTheAdminToken() {
        open("/");
        assertThat(driver.getCurrentUrl()).endsWith("/sign-in");
        driver.findElement(By.id("token")).sendKeys("not-a-token");
        driver.findElement(By.id("sign-in")).click();
        assertThat(after(By.id("refused")).getText()).contains("not a reader or admin token");
        shot("sign-in");
        driver.findElement(By.id("token")).sendKeys(ADMIN);
        driver.findElement(By.id("sign-in")).click();
        assertThat(after(By.id("role")).getText()).isEqualTo("admin");
    }

    @Test
    @Order(2)
    void overviewShowsEveryServiceReadyAndEventsPerChannel() {
        open("/");
        open("/"); // a second sample, so events per minute are shown
        List<WebElement> health = driver.findElements(By.cssSelector("#health tr.health-UP"));
        assertThat(health).as("services reported UP").hasSize(7);
        List<WebElement> channels = driver.findElements(By.cssSelector("#channels tr td.received"));
        assertThat(channels).as("channels with traffic").isNotEmpty();
        assertThat(channels.stream().mapToLong(e -> Long.parseLong(e.getText())).sum()).as("raw messages received").isGreaterThan(1000);
        chartDrawn("chart-channels");
        noProblems();
        shot("overview");
    }

    @Test
    @Order(3)
    void customer360ShowsAPortraitWithRecommendationsAndEvents() throws Exception {
        // A MovieLens customer of the demo replay, by user id; the console shows the customer's canonical key.
        open("/customers?kind=id&key=ml-13");
        assertThat(driver.findElement(By.id("customer-id")).getText()).isEqualTo("u:ml-13");
        assertThat(driver.findElement(By.id("keys")).getText()).contains("u:ml-13");
        assertThat(driver.findElements(By.cssSelector("#keys span"))).isNotEmpty();
        // The identity panel, from profile's /identity endpoint (findElement fails when it is missing).
        assertThat(driver.findElement(By.id("hints")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("conflicts")).getText()).isNotBlank();
        // The chat panel, from the chatbot's /v1/chat/turns over the customer's keys (a header row at least).
        assertThat(driver.findElements(By.cssSelector("#chat-turns tr"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#recommendations tr"))).as("header + recommended items").hasSizeGreaterThan(1);
        assertThat(driver.findElement(By.id("recommendations")).getText()).doesNotContain("none");
        assertThat(driver.findElements(By.cssSelector("#timeline tr"))).hasSizeGreaterThan(1);
        assertThat(driver.findElement(By.id("rfm")).getText()).containsAnyOf("champion", "loyal", "promising", "at_risk", "hibernating",
                "needs_attention", "prospect");
        noProblems();
        shot("customer-360");
    }

    @Test
    @Order(4)
    void theSegmentBuilderCreatesASegmentThatProfileLists() throws Exception {
        String name = "Console buyers " + System.currentTimeMillis();
        String id = name.toLowerCase().replace(' ', '-');
        open("/segments");
        driver.findElement(By.id("segment-name")).sendKeys(name);
        WebElement field = driver.findElement(By.id("field0"));
        field.clear();
        field.sendKeys("activity.purchases");
        WebElement value = driver.findElement(By.id("value0"));
        value.clear();
        value.sendKeys("1");
        driver.findElement(By.id("create-segment")).click();
        assertThat(after(By.id("notice")).getText()).contains("created " + id);
        JsonNode listed = null;
        for (JsonNode s : get(BASE + 2, "/v1/segments", null)) {
            if (s.path("id").asText().equals(id)) {
                listed = s;
            }
        }
        assertThat(listed).as("profile's GET /v1/segments lists " + id).isNotNull();
        assertThat(listed.path("members").asLong()).isGreaterThan(0);
        assertThat(driver.findElement(By.cssSelector("#segment-list tr[data-segment='" + id + "']")).getText())
                .contains(String.valueOf(listed.path("members").asLong()));
        noProblems();
        shot("segments");
        open("/segments/" + id);
        assertThat(driver.findElement(By.id("total")).getText()).isEqualTo(String.valueOf(listed.path("members").asLong()));
        assertThat(driver.findElements(By.cssSelector("#members tr"))).hasSizeGreaterThan(1);
    }

    @Test
    @Order(5)
    void campaignsShowTheRoiReportAndAnAllocation() {
        open("/campaigns");
        assertThat(driver.findElements(By.cssSelector("#roi tr"))).as("header + campaigns").hasSizeGreaterThan(1);
        chartDrawn("chart-roi");
        driver.findElement(By.id("allocate")).click();
        // The form posts and a new page comes: read its table, not the old page's absence of one.
        after(By.id("allocation"));
        assertThat(driver.findElements(By.cssSelector("#allocation tr"))).hasSizeGreaterThan(1);
        noProblems();
        shot("campaigns");
    }

    @Test
    @Order(6)
    void inventoryShowsAForecastBandThePolicyAndAlerts() {
        open("/inventory");
        assertThat(driver.findElements(By.cssSelector("#alerts tr"))).as("header + open alerts").hasSizeGreaterThan(1);
        assertThat(driver.findElements(By.cssSelector("#forecast tr"))).hasSizeGreaterThan(1);
        assertThat(driver.findElement(By.id("policy")).getText()).contains("reorder_point");
        chartDrawn("chart-forecast");
        noProblems();
        shot("inventory");
    }

    @Test
    @Order(7)
    void anAngryChatAppearsInTheHandOffQueue() throws Exception {
        String body = "{\"channel\":\"web\",\"text\":\"This is terrible! Your delivery never came, I am furious, I want to complain to a human now!\"}";
        JsonNode reply = post(BASE + 4, "/v1/chat", body);
        String session = reply.path("session_id").asText();
        assertThat(reply.path("handoff").isObject()).as("the chatbot handed off: " + reply).isTrue();
        open("/service");
        WebElement row = driver.findElement(By.cssSelector("#handoffs tr.handoff[data-session='" + session + "']"));
        assertThat(row.getText()).contains("furious");
        noProblems();
        shot("customer-service");
    }

    @Test
    @Order(8)
    void engagementShowsTheJourneysAndOffersEngagementServiceHolds() throws Exception {
        open("/engagement");
        assertThat(driver.findElement(By.id("nav-engagement")).getAttribute("class")).contains("active");
        // The tables as engagement-service lists them (the demo defines a cart_abandoned journey; a fresh stack none).
        JsonNode journeys = get(BASE + 7, "/v1/journeys", ADMIN);
        JsonNode offers = get(BASE + 7, "/v1/offers", ADMIN);
        assertThat(driver.findElements(By.cssSelector("#journeys tr.journey"))).as("journey rows").hasSize(journeys.size());
        assertThat(driver.findElements(By.cssSelector("#offers tr.offer"))).as("offer rows").hasSize(offers.size());
        assertThat(driver.findElements(By.id("no-journeys"))).as("the page says when there is no journey").hasSize(journeys.isEmpty() ? 1 : 0);
        noProblems();
        shot("engagement");
        if (!journeys.isEmpty()) {
            String id = journeys.get(0).path("journey").path("journey_id").asText();
            assertThat(driver.findElement(By.cssSelector("#journeys tr.journey[data-journey='" + id + "'] td.ci")).getText()).isNotBlank();
            open("/engagement?journey=" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(driver.findElement(By.id("journey-id")).getText()).isEqualTo(id);
            assertThat(driver.findElement(By.id("definition")).getText()).contains(journeys.get(0).path("journey").path("trigger").path("kind").asText());
            // The chart needs entries in both groups; until then the page says so instead.
            if (driver.findElements(By.id("chart-uplift")).isEmpty()) {
                assertThat(driver.findElement(By.id("no-uplift-chart")).getText()).isNotBlank();
            } else {
                chartDrawn("chart-uplift");
            }
            noProblems();
            shot("engagement-journey");
        }
    }

    @Test
    @Order(9)
    void theLanguageSwitchTurnsThePagesChinese() {
        open("/");
        driver.findElement(By.id("lang-zh")).click();
        // The switch reloads the page: wait for the new one rather than read the old one's elements.
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("nav-overview"), "概览"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh");
        shot("overview-zh");
        open("/inventory");
        shot("inventory-zh");
        assertThat(driver.findElement(By.id("nav-inventory")).getText()).isEqualTo("库存");
        driver.findElement(By.id("lang-en")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("nav-overview"), "Overview"));
    }

    @Test
    @Order(10)
    void noPageLoggedAConsoleError() {
        collectLogs();
        assertThat(consoleErrors).as("console errors").isEmpty();
    }

    /** The element once the page a click navigated to shows it (a form post answers with a new page). */
    private static org.openqa.selenium.WebElement after(By what) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(what));
        } catch (org.openqa.selenium.TimeoutException e) {
            List<org.openqa.selenium.WebElement> problems = driver.findElements(By.id("problems"));
            throw new AssertionError("no " + what + " within 20 s on " + driver.getCurrentUrl()
                    + (problems.isEmpty() ? "" : "; the page says: " + problems.getFirst().getText()), e);
        }
    }

    private static void open(String path) {
        collectLogs();
        driver.get(CONSOLE + path);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    private static void collectLogs() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                consoleErrors.add(e.getMessage());
            }
        }
    }

    private static void chartDrawn(String id) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.attributeToBe(By.id(id), "data-drawn", "true"));
        assertThat(driver.findElements(By.cssSelector("#" + id + " canvas"))).as("ECharts drew " + id).isNotEmpty();
    }

    private static void noProblems() {
        List<WebElement> problems = driver.findElements(By.id("problems"));
        assertThat(problems.isEmpty() ? "" : problems.get(0).getText()).as("problems shown on " + driver.getCurrentUrl()).isEmpty();
    }

    private static void shot(String name) {
        try {
            Path tmp = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(tmp, OUT.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode get(int port, String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("POST " + path + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static String required(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException(name + " is not set: run this through ./quanyu browser-test");
        }
        return v;
    }
}
