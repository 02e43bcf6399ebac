package io.quanyu.chatbot.domain.sentiment;

/**
 * Sentiment of a turn: polarity, score in [-1, 1] (negative to positive), confidence in [0, 1], the
 * source that decided ("model", "lexicon", "model+lexicon" or "none" for text without opinion), and the
 * lexicon's own score (0 without opinion words), which the dialogue reads for anger: the review-trained
 * models have read product reviews, not angry chats.
 */
public record Sentiment(Polarity polarity, double score, double confidence, String source, double lexicon) {

    public static Sentiment neutral(String source) {
        return new Sentiment(Polarity.NEUTRAL, 0, 0, source, 0);
    }
}
