package io.quanyu.chatbot.domain;

import io.quanyu.chatbot.domain.entity.Entity;
import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.sentiment.Sentiment;
import io.quanyu.chatbot.domain.text.LanguageGuess;
import io.quanyu.chatbot.domain.text.Token;

import java.util.List;

/**
 * Everything the NLP core knows about one chat turn. Offsets of tokens and entities are offsets in the
 * turn's text; {@code truncated} says only its first TextNormalizer.MAX_CHARS characters were analysed.
 */
public record TurnAnalysis(LanguageGuess language, List<Token> tokens, IntentResult intent, List<Entity> entities,
                           Sentiment sentiment, boolean truncated) {

    public TurnAnalysis {
        tokens = List.copyOf(tokens);
        entities = List.copyOf(entities);
    }
}
