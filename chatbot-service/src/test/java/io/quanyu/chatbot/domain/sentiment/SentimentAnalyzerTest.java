package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.text.Language;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lexicon negation, intensifiers and contrast; neutral turns; a trained model taking over for its language. */
class SentimentAnalyzerTest {

    private static final SentimentAnalyzer LEXICON = SentimentAnalyzer.lexiconOnly();

    @Test
    void lexiconHandlesNegationIntensifiersAndContrast() {
        assertThat(LEXICON.analyze("质量很好，非常满意", Language.ZH).polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(LEXICON.analyze("质量不好", Language.ZH).polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(LEXICON.analyze("The delivery was not good at all", Language.EN).polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(LEXICON.analyze("Great product, I love it", Language.EN).polarity()).isEqualTo(Polarity.POSITIVE);
        double plain = LEXICON.analyze("满意", Language.ZH).score();
        double strong = LEXICON.analyze("非常满意", Language.ZH).score();
        assertThat(strong).isGreaterThan(plain);
        // After "but" the second clause dominates.
        assertThat(LEXICON.analyze("包装很漂亮，但是质量太差", Language.ZH).score()).isNegative();
        assertThat(LEXICON.analyze("a bit slow but excellent quality", Language.EN).score()).isPositive();
    }

    @Test
    void turnsWithoutOpinionAreNeutral() {
        Sentiment s = LEXICON.analyze("我的订单什么时候发货", Language.ZH);
        assertThat(s.polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(s.source()).isEqualTo("none");
        assertThat(LEXICON.analyze("", Language.EN).polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(LEXICON.analyze("😀", Language.UNKNOWN).polarity()).isEqualTo(Polarity.NEUTRAL);
        assertThat(LEXICON.analyze("很好".repeat(60_000), Language.ZH).polarity()).isEqualTo(Polarity.POSITIVE);
    }

    @Test
    void aTrainedModelDecidesForItsLanguage() {
        List<LabelledText> reviews = new ArrayList<>();
        String[] good = {"物流很快，东西也好", "很喜欢，会回购", "性价比高，推荐", "客服态度好，满意", "味道不错，新鲜"};
        String[] bad = {"发货太慢了", "质量很差，退了", "用了两天就坏", "客服不理人", "味道怪，不新鲜"};
        for (int i = 0; i < 8; i++) {
            for (String g : good) {
                reviews.add(new LabelledText(g + "！".repeat(i), "1"));
            }
            for (String b : bad) {
                reviews.add(new LabelledText(b + "。".repeat(i), "0"));
            }
        }
        SentimentModel model = SentimentModel.train(reviews, "1", Language.ZH, null);
        SentimentAnalyzer analyzer = LEXICON.withModel(Language.ZH, model);
        Sentiment pos = analyzer.analyze("东西很好，物流也快，推荐", Language.ZH);
        assertThat(pos.polarity()).isEqualTo(Polarity.POSITIVE);
        assertThat(pos.source()).isEqualTo("model+lexicon");
        assertThat(analyzer.analyze("质量差，用两天就坏了", Language.ZH).polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(analyzer.analyze("Great product", Language.EN).source()).isEqualTo("lexicon");
        assertThat(model.positiveProbability("很喜欢")).isBetween(0.5, 1.0);

        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            model.save(bytes);
            SentimentModel loaded = SentimentModel.load(new java.io.ByteArrayInputStream(bytes.toByteArray()), null);
            assertThat(loaded.positiveLabel()).isEqualTo("1");
            assertThat(loaded.positiveProbability("发货太慢")).isEqualTo(model.positiveProbability("发货太慢"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
