package io.quanyu.chatbot.bench;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Prediction;
import io.quanyu.chatbot.domain.sentiment.BundledSentiment;
import io.quanyu.chatbot.domain.sentiment.SentimentModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Rebuilds the sentiment models shipped in chatbot-service's jar from the review data sets
 * ({@code ./quanyu bench chatbot-sentiment-model [out-dir]}; default out-dir chatbot-service/src/main/resources/chatbot)
 * and scores each on the reviews it never saw. The build is deterministic: the same data gives the same bytes.
 */
public final class SentimentModelBuild {

    private SentimentModelBuild() {
    }

    public static void main(String[] argv) throws IOException, NoSuchAlgorithmException {
        java.util.logging.Logger.getLogger("opennlp").setLevel(java.util.logging.Level.WARNING);
        Path data = Path.of(System.getProperty("quanyu.data.dir", "../shared/data"));
        Path root = Path.of(System.getProperty("quanyu.root", "."));
        Path out = argv.length > 0 ? Path.of(argv[0]) : root.resolve("chatbot-service/src/main/resources/chatbot");
        System.out.println("# data: " + data.toAbsolutePath().normalize() + "; out: " + out.toAbsolutePath().normalize());
        for (BundledSentiment.Recipe r : BundledSentiment.RECIPES) {
            long t = System.nanoTime();
            List<LabelledText> train = r.training(data);
            SentimentModel model = r.train(train);
            double seconds = (System.nanoTime() - t) / 1e9;
            Path file = BundledSentiment.write(model, r, out);
            List<LabelledText> test = r.heldOut(data);
            List<Prediction> p = model.classifier().predictAll(test.stream().map(LabelledText::text).toList());
            double accuracy = Metrics.accuracy(p.stream().map(Prediction::label).toList(), test);
            System.out.printf("%s: trained on %d reviews of %s in %.1f s, %d features; %s %.2f MB sha256 %s;"
                            + " accuracy on the %d held-out reviews (%s) %s%n", r.language(), train.size(), r.trainFile(), seconds,
                    model.classifier().features(), file.getFileName(), Files.size(file) / 1e6, sha256(file), test.size(),
                    r.testFile() == null ? String.format("stratified %.0f %% per label, seed %d", 100 * BundledSentiment.ZH_TEST_SHARE,
                            BundledSentiment.ZH_SEED) : r.testFile(), Metrics.pct(accuracy));
        }
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
