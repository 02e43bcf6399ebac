package io.quanyu.chatbot.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.testkit.QuanyuInfraResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/**
 * With the default configuration (no review data given) the running service scores sentiment with the review-trained
 * models shipped in its jar, not the lexicon alone, and says so in each reply and in its metrics.
 */
@QuarkusTest
@WithTestResource(QuanyuInfraResource.class)
class SentimentServedByDefaultTest {

    @Test
    void theShippedModelScoresTurnsTheLexiconCannot() {
        // No word of the lexicon: the lexicon alone would call it neutral ("none").
        JsonPath zh = Shop.visitor().say("手机用了三天就开不了机，退货");
        assertThat(zh.getString("sentiment.source")).isEqualTo("model");
        assertThat(zh.getString("sentiment.polarity")).isEqualTo("NEGATIVE");
        JsonPath blended = Shop.visitor().say("质量很好，物流也快，非常满意");
        assertThat(blended.getString("sentiment.source")).isEqualTo("model+lexicon");
        assertThat(blended.getString("sentiment.polarity")).isEqualTo("POSITIVE");
        JsonPath en = Shop.visitor().say("The coffee tasted stale and arrived late");
        assertThat(en.getString("sentiment.source")).startsWith("model");
    }

    @Test
    void metricsSayTheShippedModelServesBothLanguages() {
        String scrape = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String language : new String[] {"zh", "en"}) {
            assertThat(gauge(scrape, language, "bundled")).isEqualTo("1.0");
            assertThat(gauge(scrape, language, "lexicon")).isEqualTo("0.0");
            assertThat(gauge(scrape, language, "trained")).isEqualTo("0.0");
        }
    }

    private static String gauge(String scrape, String language, String source) {
        return scrape.lines().filter(l -> l.startsWith("quanyu_chatbot_sentiment_model{") && l.contains("language=\"" + language + "\"")
                        && l.contains("source=\"" + source + "\"")).map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no quanyu_chatbot_sentiment_model series for " + language + "/" + source));
    }
}
