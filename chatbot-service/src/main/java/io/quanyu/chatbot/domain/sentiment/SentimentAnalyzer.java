package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.text.Language;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.util.EnumMap;
import java.util.Map;

/**
 * Sentiment of a turn in Chinese or English: the review-trained model of the language when there is one,
 * the lexicon otherwise. Reviews always carry an opinion but chat turns often do not, so a model's score
 * is halved when the lexicon finds no opinion word, and scores within the neutral band are NEUTRAL.
 */
public final class SentimentAnalyzer {

    private static final double NEUTRAL_BAND = 0.25;

    private final SentimentLexicon lexicon;
    private final Map<Language, SentimentModel> models;

    public SentimentAnalyzer(SentimentLexicon lexicon, Map<Language, SentimentModel> models) {
        this.lexicon = lexicon;
        this.models = models.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(models));
    }

    /** The bundled lexicon only (no training data needed). */
    public static SentimentAnalyzer lexiconOnly() {
        return new SentimentAnalyzer(SentimentLexicon.bundled(), Map.of());
    }

    public SentimentAnalyzer withModel(Language language, SentimentModel model) {
        Map<Language, SentimentModel> m = new EnumMap<>(Language.class);
        m.putAll(models);
        m.put(language, model);
        return new SentimentAnalyzer(lexicon, m);
    }

    /** language should be the detected dominant language (ZH or EN); others fall back to both word lists. */
    public Sentiment analyze(String text, Language language) {
        String t = TextNormalizer.cap(text);
        if (t.codePoints().noneMatch(Character::isLetter)) {
            return Sentiment.neutral("none");
        }
        SentimentLexicon.Result lex = lexicon.score(t, language);
        SentimentModel model = models.get(language);
        if (model == null) {
            if (lex.hits() == 0) {
                return Sentiment.neutral("none");
            }
            return of(lex.score(), Math.abs(lex.score()), "lexicon", lex.score());
        }
        double p = model.positiveProbability(t);
        double score = 2 * p - 1;
        if (lex.hits() == 0) {
            return of(score / 2, Math.abs(score) / 2, "model", 0);
        }
        // Both agree or disagree: the model has seen far more text, so it weighs twice the lexicon.
        double blended = (2 * score + lex.score()) / 3;
        return of(blended, Math.abs(blended), "model+lexicon", lex.score());
    }

    private static Sentiment of(double score, double confidence, String source, double lexicon) {
        Polarity polarity = score > NEUTRAL_BAND ? Polarity.POSITIVE : score < -NEUTRAL_BAND ? Polarity.NEGATIVE : Polarity.NEUTRAL;
        return new Sentiment(polarity, score, Math.min(1, confidence), source, lexicon);
    }

    public SentimentLexicon lexicon() {
        return lexicon;
    }

    public Map<Language, SentimentModel> models() {
        return models;
    }
}
