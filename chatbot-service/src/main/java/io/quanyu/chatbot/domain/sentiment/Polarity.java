package io.quanyu.chatbot.domain.sentiment;

/** Sentiment classes of a turn. */
public enum Polarity {
    POSITIVE, NEUTRAL, NEGATIVE
}
