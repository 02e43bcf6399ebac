package io.quanyu.chatbot.domain.sentiment;

/**
 * Sentiment of a turn: polarity, score in [-1, 1] (negative to positive), confidence in [0, 1] and the
 * source that decided ("model", "lexicon", "model+lexicon" or "none" for text without opinion).
 */
public record Sentiment(Polarity polarity, double score, double confidence, String source) {

    public static Sentiment neutral(String source) {
        return new Sentiment(Polarity.NEUTRAL, 0, 0, source);
    }
}
