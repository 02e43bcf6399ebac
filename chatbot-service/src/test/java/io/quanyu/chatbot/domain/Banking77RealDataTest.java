package io.quanyu.chatbot.domain;

import io.quanyu.chatbot.domain.intent.IntentClassifier;
import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.intent.OutOfScopePolicy;
import io.quanyu.chatbot.domain.ml.ClassifierOptions;
import io.quanyu.chatbot.domain.ml.CsvReader;
import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Splits;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Real data: Banking77 intents, n-gram model (no embeddings, to stay fast) trained on train, scored on a test subsample. */
class Banking77RealDataTest {

    @Test
    void accuracyOnTheRealTestSplit() throws IOException {
        Path dir = Path.of(System.getProperty("quanyu.data.dir", "../../shared/data"), "banking77");
        assumeTrue(Files.isRegularFile(dir.resolve("train.csv")), "Banking77 not at " + dir);
        List<LabelledText> train = CsvReader.read(dir.resolve("train.csv"), "text", "category");
        List<LabelledText> test = Splits.subsample(CsvReader.read(dir.resolve("test.csv"), "text", "category"), 1000, 11);
        assertThat(train).hasSize(10003);
        assertThat(test.stream().map(LabelledText::label).distinct()).hasSize(77);

        IntentClassifier classifier = IntentClassifier.train(train, ClassifierOptions.intents().withCalibrationFraction(0.1),
                null, OutOfScopePolicy.never());
        List<IntentResult> results = classifier.classifyAll(test.stream().map(LabelledText::text).toList());
        long right = 0;
        for (int i = 0; i < test.size(); i++) {
            right += results.get(i).intent().equals(test.get(i).label()) ? 1 : 0;
        }
        double accuracy = (double) right / test.size();
        assertThat(accuracy).isGreaterThan(0.88);

        // Calibration: among confident answers, accuracy is at least the stated confidence, roughly.
        List<IntentResult> confident = results.stream().filter(r -> r.confidence() >= 0.9).toList();
        long confidentRight = 0;
        for (int i = 0; i < test.size(); i++) {
            if (results.get(i).confidence() >= 0.9 && results.get(i).intent().equals(test.get(i).label())) {
                confidentRight++;
            }
        }
        assertThat(confident).isNotEmpty();
        assertThat((double) confidentRight / confident.size()).isGreaterThan(0.93);
    }
}
