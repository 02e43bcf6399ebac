package io.quanyu.chatbot.domain.ml;

/**
 * Training options of a TextClassifier: features, SVM regularisation c, weight of the sentence-embedding
 * block (0 = no embeddings), smoothing of
 * naive-Bayes feature scaling (0 = none), share of the training data held out to fit the softmax temperature (the final
 * model is then refitted on everything), pass cap and seed.
 */
public record ClassifierOptions(VectorizerConfig vectorizer, double c, double embeddingWeight, double nbAlpha,
                                double calibrationFraction, int maxPasses, long seed) {

    public ClassifierOptions {
        if (c <= 0 || embeddingWeight < 0 || nbAlpha < 0 || calibrationFraction < 0 || calibrationFraction >= 1 || maxPasses < 1) {
            throw new IllegalArgumentException("bad classifier options");
        }
    }

    /** Intents: word + char n-grams, plus sentence embeddings when an embedder is given (chosen on a dev split of Banking77 train). */
    public static ClassifierOptions intents() {
        return new ClassifierOptions(VectorizerConfig.utterances(), 1.0, 1.0, 0.0, 0.1, 60, 7);
    }

    /** Review sentiment: word + char n-grams with naive-Bayes scaling (chosen on a dev split of the online-shopping-zh training part). */
    public static ClassifierOptions reviews() {
        return new ClassifierOptions(VectorizerConfig.reviews(), 0.3, 0.0, 1.0, 0.1, 60, 7);
    }

    public ClassifierOptions withC(double newC) {
        return new ClassifierOptions(vectorizer, newC, embeddingWeight, nbAlpha, calibrationFraction, maxPasses, seed);
    }

    public ClassifierOptions withEmbeddingWeight(double w) {
        return new ClassifierOptions(vectorizer, c, w, nbAlpha, calibrationFraction, maxPasses, seed);
    }

    public ClassifierOptions withVectorizer(VectorizerConfig v) {
        return new ClassifierOptions(v, c, embeddingWeight, nbAlpha, calibrationFraction, maxPasses, seed);
    }

    public ClassifierOptions withNbAlpha(double alpha) {
        return new ClassifierOptions(vectorizer, c, embeddingWeight, alpha, calibrationFraction, maxPasses, seed);
    }

    public ClassifierOptions withCalibrationFraction(double f) {
        return new ClassifierOptions(vectorizer, c, embeddingWeight, nbAlpha, f, maxPasses, seed);
    }
}
