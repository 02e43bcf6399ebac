package io.quanyu.chatbot.domain.ml;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The calibrated n-gram classifier learns, ranks, round-trips through save/load and tolerates degenerate input. */
class TextClassifierTest {

    /** Three topics whose utterances share filler words, so the model must find the topic words. */
    private static List<LabelledText> topics(int perLabel, long seed) {
        String[][] words = {{"refund", "money", "back", "退款"}, {"deliver", "shipping", "arrive", "快递"}, {"password", "login", "account", "登录"}};
        String[] filler = {"please", "I", "want", "my", "the", "help", "now", "我", "想"};
        Random r = new Random(seed);
        List<LabelledText> out = new ArrayList<>();
        for (int k = 0; k < words.length; k++) {
            for (int i = 0; i < perLabel; i++) {
                StringBuilder sb = new StringBuilder();
                for (int j = 0; j < 6; j++) {
                    sb.append(j % 3 == 0 ? words[k][r.nextInt(4)] : filler[r.nextInt(filler.length)]).append(' ');
                }
                out.add(new LabelledText(sb.toString().strip(), "topic" + k));
            }
        }
        return out;
    }

    @Test
    void learnsTopicsWithCalibratedProbabilities() {
        TextClassifier c = TextClassifier.train(topics(40, 1), ClassifierOptions.intents(), null);
        List<LabelledText> test = topics(20, 2);
        long right = test.stream().filter(t -> c.predict(t.text()).label().equals(t.label())).count();
        assertThat(right).isGreaterThanOrEqualTo(57);
        Prediction p = c.predict("I want my refund money");
        assertThat(p.label()).isEqualTo("topic0");
        assertThat(p.ranked().stream().mapToDouble(ScoredLabel::probability).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(p.ranked()).isSortedAccordingTo((a, b) -> Double.compare(b.probability(), a.probability()));
        assertThat(c.temperature()).isPositive();
    }

    @Test
    void savedModelPredictsTheSame() throws IOException {
        TextClassifier c = TextClassifier.train(topics(30, 3), ClassifierOptions.reviews(), null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        c.save(out);
        TextClassifier loaded = TextClassifier.load(new ByteArrayInputStream(out.toByteArray()), null);
        for (LabelledText t : topics(5, 4)) {
            Prediction a = c.predict(t.text());
            Prediction b = loaded.predict(t.text());
            assertThat(b.label()).isEqualTo(a.label());
            assertThat(b.confidence()).isCloseTo(a.confidence(), within(1e-6));
        }
    }

    @Test
    void singleLabelAndUnknownTextDoNotFail() {
        TextClassifier one = TextClassifier.train(List.of(new LabelledText("hello", "greeting")), ClassifierOptions.intents(), null);
        assertThat(one.predict("anything").label()).isEqualTo("greeting");
        TextClassifier c = TextClassifier.train(topics(10, 5), ClassifierOptions.intents(), null);
        assertThat(c.predict("").ranked()).hasSize(3);
        assertThat(c.knownFeatures("zzzz qqqq")).isZero();
    }
}
