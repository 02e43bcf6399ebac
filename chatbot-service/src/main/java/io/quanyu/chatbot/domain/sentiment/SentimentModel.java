package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.ml.ClassifierOptions;
import io.quanyu.chatbot.domain.ml.Embedder;
import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Prediction;
import io.quanyu.chatbot.domain.ml.ScoredLabel;
import io.quanyu.chatbot.domain.ml.TextClassifier;
import io.quanyu.chatbot.domain.text.Language;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** A review-trained sentiment classifier and which of its labels means positive. */
public record SentimentModel(TextClassifier classifier, String positiveLabel) {

    public SentimentModel {
        if (!classifier.labels().contains(positiveLabel)) {
            throw new IllegalArgumentException("label " + positiveLabel + " not among " + classifier.labels());
        }
    }

    /**
     * Options chosen on dev splits of the training parts: Chinese reviews gain from naive-Bayes scaling,
     * English reviews from MiniLM sentence embeddings (used only when an embedder is given).
     */
    public static ClassifierOptions optionsFor(Language language) {
        return language == Language.EN
                ? ClassifierOptions.reviews().withNbAlpha(0).withEmbeddingWeight(1.0)
                : ClassifierOptions.reviews();
    }

    public static SentimentModel train(List<LabelledText> reviews, String positiveLabel, Language language, Embedder embedder) {
        return new SentimentModel(TextClassifier.train(reviews, optionsFor(language), embedder), positiveLabel);
    }

    /** Writes the positive label and the classifier (TextClassifier format). */
    public void save(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeUTF(positiveLabel);
        d.flush();
        classifier.save(out);
    }

    /** Reads what save wrote; embedder as for TextClassifier.load. */
    public static SentimentModel load(InputStream in, Embedder embedder) throws IOException {
        String positive = new DataInputStream(in).readUTF();
        return new SentimentModel(TextClassifier.load(in, embedder), positive);
    }

    /** Probability that text is positive. */
    public double positiveProbability(String text) {
        return positiveProbability(classifier.predict(text));
    }

    public double positiveProbability(Prediction p) {
        for (ScoredLabel l : p.ranked()) {
            if (l.label().equals(positiveLabel)) {
                return l.probability();
            }
        }
        return 0;
    }
}
