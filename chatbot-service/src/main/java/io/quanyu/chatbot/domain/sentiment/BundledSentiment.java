package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.ml.ClassifierOptions;
import io.quanyu.chatbot.domain.ml.CsvReader;
import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Splits;
import io.quanyu.chatbot.domain.ml.TextClassifier;
import io.quanyu.chatbot.domain.text.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The review-trained sentiment models shipped inside the jar (resources/chatbot/sentiment-*.model.gz): the recipe
 * that builds them from the review data sets, the reviews each one never saw, and their loading.
 */
public final class BundledSentiment {

    /**
     * Features seen in fewer than this many training reviews are dropped. On a seeded (42) 20 % dev split of the
     * online-shopping-zh training part, min df 2 gave 93.91 % and a 19 MB model, min df 10 93.59 % and 2.6 MB
     * (2.0 MB gzipped), min df 20 93.39 %: 10 keeps the model small enough to ship in the jar and in git.
     */
    static final int MIN_DF = 10;
    /** Share of online-shopping-zh held out per label, and the seed of its shuffle (the README's protocol). */
    public static final double ZH_TEST_SHARE = 0.2;
    public static final long ZH_SEED = 42;

    /** One language's model: where its reviews are (under the data directory), their columns, and its resource. */
    public record Recipe(Language language, String trainFile, String testFile, String textColumn, String labelColumn,
                         String positiveLabel, String resource) {

        /** The reviews the model is trained on. */
        public List<LabelledText> training(Path data) throws IOException {
            return testFile == null ? zhSplit(data).train() : CsvReader.read(data.resolve(trainFile), textColumn, labelColumn);
        }

        /** The reviews the shipped model never saw, to score it on. */
        public List<LabelledText> heldOut(Path data) throws IOException {
            return testFile == null ? zhSplit(data).test() : CsvReader.read(data.resolve(testFile), textColumn, labelColumn);
        }

        private Splits.Split zhSplit(Path data) throws IOException {
            return Splits.stratified(CsvReader.read(data.resolve(trainFile), textColumn, labelColumn), ZH_TEST_SHARE, ZH_SEED);
        }

        /** Trains the model on the training reviews of data (the shipped recipe: n-grams only, min df 10). */
        public SentimentModel train(Path data) throws IOException {
            return train(training(data));
        }

        public SentimentModel train(List<LabelledText> reviews) {
            return new SentimentModel(TextClassifier.train(reviews, options(language), null), positiveLabel);
        }
    }

    /** Chinese: online-shopping-zh, trained on the 80 % that the stratified seed-42 hold-out leaves. */
    public static final Recipe ZH = new Recipe(Language.ZH, "online-shopping-zh/reviews.csv", null, "review", "label", "1",
            "/chatbot/sentiment-zh.model.gz");
    /** English: amazon-finefoods, trained on train.csv, test.csv held out. */
    public static final Recipe EN = new Recipe(Language.EN, "amazon-finefoods/train.csv", "amazon-finefoods/test.csv", "review",
            "score", "great", "/chatbot/sentiment-en.model.gz");
    public static final List<Recipe> RECIPES = List.of(ZH, EN);

    private BundledSentiment() {
    }

    /**
     * Training options of the shipped models. No sentence embeddings for English: on a seeded 20 % dev split of
     * amazon-finefoods train they changed 1 of 800 answers, and a turn would run MiniLM a second time for them.
     */
    public static ClassifierOptions options(Language language) {
        ClassifierOptions o = SentimentModel.optionsFor(language).withEmbeddingWeight(0);
        return o.withVectorizer(o.vectorizer().withMinDf(MIN_DF));
    }

    /** The shipped model of recipe, if the jar carries it. */
    public static Optional<SentimentModel> load(Recipe recipe) {
        try (InputStream in = BundledSentiment.class.getResourceAsStream(recipe.resource())) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(SentimentModel.load(new GZIPInputStream(in), null));
        } catch (IOException e) {
            throw new UncheckedIOException("sentiment model " + recipe.resource() + " is damaged", e);
        }
    }

    /** Every shipped model, by language (empty when the jar carries none: then the lexicon answers alone). */
    public static Map<Language, SentimentModel> loadAll() {
        Map<Language, SentimentModel> out = new EnumMap<>(Language.class);
        for (Recipe r : RECIPES) {
            load(r).ifPresent(m -> out.put(r.language(), m));
        }
        return out;
    }

    /** Writes model gzipped as recipe's resource file under dir (GZIP without a timestamp, so a rebuild is byte-identical). */
    public static Path write(SentimentModel model, Recipe recipe, Path dir) throws IOException {
        Path file = dir.resolve(recipe.resource().substring(recipe.resource().lastIndexOf('/') + 1));
        Files.createDirectories(dir);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            model.save(out);
        }
        return file;
    }
}
