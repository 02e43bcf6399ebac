package io.quanyu.chatbot.domain.intent;

import io.quanyu.chatbot.domain.ml.ClassifierOptions;
import io.quanyu.chatbot.domain.ml.Embedder;
import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.ml.Prediction;
import io.quanyu.chatbot.domain.ml.TextClassifier;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.util.List;
import java.util.stream.IntStream;

/** Intent classification with calibrated confidence and an out-of-scope answer; thread-safe once built. */
public final class IntentClassifier {

    private static final int TOP_K = 3;

    private final TextClassifier model;
    private final OutOfScopePolicy policy;

    public IntentClassifier(TextClassifier model, OutOfScopePolicy policy) {
        this.model = model;
        this.policy = policy;
    }

    /** Trains on labelled utterances with TF-IDF n-gram features only (no embedding model needed). */
    public static IntentClassifier train(List<LabelledText> examples) {
        return train(examples, ClassifierOptions.intents(), null, OutOfScopePolicy.defaults());
    }

    /** Trains with the given options; with an embedder, sentence embeddings join the n-gram features. */
    public static IntentClassifier train(List<LabelledText> examples, ClassifierOptions options, Embedder embedder,
                                         OutOfScopePolicy policy) {
        return new IntentClassifier(TextClassifier.train(examples, options, embedder), policy);
    }

    public IntentResult classify(String text) {
        String t = TextNormalizer.cap(text);
        if (t.codePoints().noneMatch(Character::isLetterOrDigit)) {
            return IntentResult.refused("empty", null, 0, List.of());
        }
        return decide(t, model.predict(t));
    }

    public List<IntentResult> classifyAll(List<String> texts) {
        List<String> capped = texts.stream().map(TextNormalizer::cap).toList();
        List<Prediction> predictions = model.predictAll(capped);
        return IntStream.range(0, capped.size()).mapToObj(i -> capped.get(i).codePoints().noneMatch(Character::isLetterOrDigit)
                ? IntentResult.refused("empty", null, 0, List.of()) : decide(capped.get(i), predictions.get(i))).toList();
    }

    private IntentResult decide(String text, Prediction p) {
        String best = p.label();
        double confidence = p.confidence();
        var top = p.top(TOP_K);
        if (policy.outOfScopeLabels().contains(best)) {
            return IntentResult.refused("out-of-scope label", best, confidence, top);
        }
        if (!model.usesEmbeddings() && model.knownFeatures(text) == 0) {
            return IntentResult.refused("no known words", best, confidence, top);
        }
        if (confidence < policy.minConfidence()) {
            return IntentResult.refused("low confidence", best, confidence, top);
        }
        if (p.margin() < policy.minMargin()) {
            return IntentResult.refused("ambiguous", best, confidence, top);
        }
        return new IntentResult(best, confidence, best, top, false, null);
    }

    public TextClassifier model() {
        return model;
    }

    public OutOfScopePolicy policy() {
        return policy;
    }

    public IntentClassifier withPolicy(OutOfScopePolicy newPolicy) {
        return new IntentClassifier(model, newPolicy);
    }
}
