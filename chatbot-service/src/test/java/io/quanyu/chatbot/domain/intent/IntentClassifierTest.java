package io.quanyu.chatbot.domain.intent;

import io.quanyu.chatbot.domain.SeedData;
import io.quanyu.chatbot.domain.ml.LabelledText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Intents from the bundled seeds: paraphrases, out-of-scope policy, OOS labels, batch use and the doccat baseline. */
class IntentClassifierTest {

    private static final List<LabelledText> SEEDS = SeedData.intents();
    private static final IntentClassifier CLASSIFIER = IntentClassifier.train(SEEDS);

    @Test
    void seedsCoverTheCustomerServiceIntentsInBothLanguages() {
        assertThat(SEEDS.stream().map(LabelledText::label).distinct())
                .contains("order_status", "delivery_time", "refund", "return_item", "product_question", "human_agent", "greeting");
        assertThat(SEEDS).anyMatch(s -> s.text().matches(".*\\p{IsHan}.*")).anyMatch(s -> s.text().matches("[\\x00-\\x7F]+"));
    }

    @Test
    void recognisesParaphrasesNotInTheSeeds() {
        assertThat(SEEDS).noneMatch(s -> s.text().equals("帮我查查订单到哪了") || s.text().equals("please get me a human agent"));
        assertThat(CLASSIFIER.classify("帮我查查订单到哪了").intent()).isEqualTo("order_status");
        assertThat(CLASSIFIER.classify("please get me a human agent").intent()).isEqualTo("human_agent");
        assertThat(CLASSIFIER.classify("我要申请退款").intent()).isEqualTo("refund");
    }

    @Test
    void confidentAnswersCarryRankedAlternatives() {
        IntentResult r = CLASSIFIER.classify("转人工");
        assertThat(r.outOfScope()).isFalse();
        assertThat(r.confidence()).isGreaterThan(0.45);
        assertThat(r.top()).hasSize(3);
        assertThat(r.top().getFirst().label()).isEqualTo(r.intent());
    }

    @Test
    void unrelatedOrUnknownTextIsOutOfScope() {
        IntentResult weather = CLASSIFIER.classify("what's the weather like on Mars");
        assertThat(weather.outOfScope()).isTrue();
        assertThat(weather.intent()).isEqualTo(IntentResult.OUT_OF_SCOPE);
        assertThat(weather.bestGuess()).isNotNull();
        assertThat(CLASSIFIER.classify("").reason()).isEqualTo("empty");
        assertThat(CLASSIFIER.classify("😀😀").outOfScope()).isTrue();
        assertThat(CLASSIFIER.classify("ꙮꙮꙮ").outOfScope()).isTrue();
    }

    @Test
    void policyThresholdsDecide() {
        IntentResult normal = CLASSIFIER.classify("I want a refund");
        assertThat(normal.outOfScope()).isFalse();
        IntentClassifier strict = CLASSIFIER.withPolicy(new OutOfScopePolicy(0.9999999, 0, OutOfScopePolicy.DEFAULT_OOS_LABELS));
        assertThat(strict.classify("I want a refund").reason()).isEqualTo("low confidence");
        IntentClassifier picky = CLASSIFIER.withPolicy(new OutOfScopePolicy(0, 0.9999999, OutOfScopePolicy.DEFAULT_OOS_LABELS));
        assertThat(picky.classify("I want a refund").reason()).isEqualTo("ambiguous");
        // never() refuses nothing for low confidence; only a predicted out-of-scope label still means out of scope.
        IntentClassifier lenient = CLASSIFIER.withPolicy(OutOfScopePolicy.never());
        IntentResult vague = lenient.classify("something about my thing");
        assertThat(vague.outOfScope()).isEqualTo(vague.bestGuess().equals(IntentResult.OUT_OF_SCOPE));
        assertThat(CLASSIFIER.classify("something about my thing").reason()).isNotNull();
    }

    @Test
    void anOutOfScopeLabelInTrainingIsHonoured() {
        // The seeds' own out_of_scope examples are left out: this trains a differently named out-of-scope label.
        List<LabelledText> data = new java.util.ArrayList<>(SEEDS.stream().filter(s -> !s.label().equals(IntentResult.OUT_OF_SCOPE)).toList());
        for (String s : List.of("what's the weather", "tell me a joke", "who won the football game", "今天天气怎么样", "讲个笑话", "你几岁了")) {
            data.add(new LabelledText(s, "oos"));
        }
        IntentClassifier c = IntentClassifier.train(data);
        IntentResult r = c.classify("tell me a funny joke");
        assertThat(r.outOfScope()).isTrue();
        assertThat(r.bestGuess()).isEqualTo("oos");
    }

    @Test
    void batchAndSingleAgree() {
        List<String> texts = List.of("where is my order", "", "退货怎么弄", "x".repeat(100_000));
        List<IntentResult> batch = CLASSIFIER.classifyAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(batch.get(i).intent()).isEqualTo(CLASSIFIER.classify(texts.get(i)).intent());
        }
    }

    @Test
    void doccatBaselineTrainsAndClassifies() {
        DoccatBaseline doccat = DoccatBaseline.train(SEEDS, 50);
        assertThat(doccat.classify("where is my order")).isEqualTo("order_status");
        assertThat(DoccatBaseline.tokens("我想查询Order")).containsExactly("我", "想", "查", "询", "order");
        assertThat(doccat.classify("")).isNotNull();
    }
}
