package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Prediction;
import io.quanyu.chatbot.domain.text.Language;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sentiment models shipped in the jar: they load without any data, and on the real review data sets they score
 * the reviews they never saw at the accuracy the README states (held-out protocol of BundledSentiment).
 */
class BundledSentimentTest {

    private static final Path DATA = Path.of(System.getProperty("quanyu.data.dir", "../../shared/data"));

    @Test
    void theJarCarriesAModelForChineseAndEnglish() {
        Map<Language, SentimentModel> models = BundledSentiment.loadAll();
        assertThat(models).containsOnlyKeys(Language.ZH, Language.EN);
        SentimentModel zh = models.get(Language.ZH);
        // No opinion word of the lexicon in either: only a trained model tells them apart.
        assertThat(zh.positiveProbability("用了三天就开不了机，退货")).isLessThan(0.3);
        assertThat(zh.positiveProbability("物流快，包装完好，会回购")).isGreaterThan(0.7);
        SentimentModel en = models.get(Language.EN);
        assertThat(en.positiveProbability("Stale, bland and overpriced. I threw the rest away.")).isLessThan(0.5);
        assertThat(en.classifier().usesEmbeddings()).isFalse();
        SentimentAnalyzer analyzer = new SentimentAnalyzer(SentimentLexicon.bundled(), models);
        Sentiment s = analyzer.analyze("用了三天就开不了机，退货", Language.ZH);
        assertThat(s.source()).isEqualTo("model");
        assertThat(s.polarity()).isEqualTo(Polarity.NEGATIVE);
    }

    @Test
    void chineseModelScoresItsHeldOutReviewsAsTheReadmeSays() throws IOException {
        // README: 94.09 % on the 12,554 reviews of the stratified 20 %, seed 42, hold-out.
        assertThat(heldOutAccuracy(BundledSentiment.ZH, 12_554)).isCloseTo(0.9409, within(0.003));
    }

    @Test
    void englishModelScoresTheTestFileAsTheReadmeSays() throws IOException {
        // README: 79.80 % on the 1,000 reviews of amazon-finefoods/test.csv.
        assertThat(heldOutAccuracy(BundledSentiment.EN, 1_000)).isCloseTo(0.798, within(0.005));
    }

    private static double heldOutAccuracy(BundledSentiment.Recipe recipe, int expectedReviews) throws IOException {
        assumeTrue(Files.isRegularFile(DATA.resolve(recipe.trainFile())), recipe.trainFile() + " not under " + DATA);
        List<LabelledText> test = recipe.heldOut(DATA);
        assertThat(test).hasSize(expectedReviews);
        SentimentModel model = BundledSentiment.load(recipe).orElseThrow();
        List<Prediction> p = model.classifier().predictAll(test.stream().map(LabelledText::text).toList());
        long right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += p.get(i).label().equals(test.get(i).label()) ? 1 : 0;
        }
        return (double) right / test.size();
    }
}
