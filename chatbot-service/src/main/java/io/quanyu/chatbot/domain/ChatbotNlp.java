package io.quanyu.chatbot.domain;

import io.quanyu.chatbot.domain.entity.Catalog;
import io.quanyu.chatbot.domain.entity.EntityExtractor;
import io.quanyu.chatbot.domain.intent.IntentClassifier;
import io.quanyu.chatbot.domain.intent.IntentResult;
import io.quanyu.chatbot.domain.sentiment.Sentiment;
import io.quanyu.chatbot.domain.sentiment.SentimentAnalyzer;
import io.quanyu.chatbot.domain.text.LanguageDetector;
import io.quanyu.chatbot.domain.text.LanguageGuess;
import io.quanyu.chatbot.domain.text.TextNormalizer;
import io.quanyu.chatbot.domain.text.Tokenizer;

import java.time.LocalDate;
import java.util.List;

/**
 * The NLP core's single entry point for a chat turn: language, tokens, intent (or out of scope), entities
 * and sentiment. Immutable and thread-safe; swap the catalog or models by building a new one.
 */
public final class ChatbotNlp {

    private final LanguageDetector detector = new LanguageDetector();
    private final EntityExtractor extractor = new EntityExtractor();
    private final IntentClassifier intents;
    private final SentimentAnalyzer sentiment;
    private final Catalog catalog;
    private final Tokenizer tokenizer;

    public ChatbotNlp(IntentClassifier intents, SentimentAnalyzer sentiment, Catalog catalog) {
        this.intents = intents;
        this.sentiment = sentiment;
        this.catalog = catalog;
        this.tokenizer = Tokenizer.standard().withDomainTerms(catalog.names());
    }

    /** Intents trained from the bundled seed utterances, lexicon sentiment, no catalog: works with no data at all. */
    public static ChatbotNlp fromSeeds() {
        return new ChatbotNlp(IntentClassifier.train(SeedData.intents()), SentimentAnalyzer.lexiconOnly(), Catalog.empty());
    }

    public ChatbotNlp withCatalog(Catalog newCatalog) {
        return new ChatbotNlp(intents, sentiment, newCatalog);
    }

    public ChatbotNlp withIntents(IntentClassifier newIntents) {
        return new ChatbotNlp(newIntents, sentiment, catalog);
    }

    public ChatbotNlp withSentiment(SentimentAnalyzer newSentiment) {
        return new ChatbotNlp(intents, newSentiment, catalog);
    }

    public TurnAnalysis analyze(String text, LocalDate today) {
        String raw = text == null ? "" : text;
        String t = TextNormalizer.cap(raw);
        LanguageGuess lang = detector.detect(t);
        IntentResult intent;
        if (lang.gibberish()) {
            intent = new IntentResult(IntentResult.OUT_OF_SCOPE, 0, null, List.of(), true, "gibberish");
        } else if (!lang.supported() && t.codePoints().anyMatch(Character::isLetter)) {
            intent = new IntentResult(IntentResult.OUT_OF_SCOPE, 0, null, List.of(), true, "unsupported language");
        } else {
            intent = intents.classify(t);
        }
        Sentiment s = lang.supported() ? sentiment.analyze(t, lang.dominant()) : Sentiment.neutral("none");
        return new TurnAnalysis(lang, tokenizer.tokenize(t), intent, extractor.extract(t, catalog, today), s, raw.length() > t.length());
    }

    public IntentClassifier intents() {
        return intents;
    }

    public SentimentAnalyzer sentiment() {
        return sentiment;
    }

    public Catalog catalog() {
        return catalog;
    }
}
