package io.quanyu.chatbot.domain.text;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * English tokens with offsets and Universal Dependencies POS tags, from the OpenNLP UD-EWT models shipped
 * as Maven artifacts (opennlp-models-tokenizer-en, opennlp-models-pos-en). Thread-safe.
 */
public final class EnglishTokenizer {

    private static final String TOKEN_MODEL = "/opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
    private static final String POS_MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    private static volatile EnglishTokenizer shared;

    private final ThreadSafeTokenizerME tokenizer;
    private final ThreadSafePOSTaggerME tagger;

    private EnglishTokenizer(TokenizerModel tokens, POSModel pos) {
        this.tokenizer = new ThreadSafeTokenizerME(tokens);
        this.tagger = new ThreadSafePOSTaggerME(pos);
    }

    /** The shared instance (models load once, in well under a second). */
    public static EnglishTokenizer get() {
        EnglishTokenizer t = shared;
        if (t == null) {
            synchronized (EnglishTokenizer.class) {
                if (shared == null) {
                    try (InputStream tok = open(TOKEN_MODEL); InputStream pos = open(POS_MODEL)) {
                        shared = new EnglishTokenizer(new TokenizerModel(tok), new POSModel(pos));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                t = shared;
            }
        }
        return t;
    }

    /** Tokens of text with POS tags; offsets are offsets in text. */
    public List<Token> tokenize(String text) {
        Span[] spans = tokenizer.tokenizePos(text);
        String[] words = new String[spans.length];
        for (int i = 0; i < spans.length; i++) {
            words[i] = text.substring(spans[i].getStart(), spans[i].getEnd());
        }
        String[] tags = words.length == 0 ? new String[0] : tagger.tag(words);
        List<Token> out = new ArrayList<>(spans.length);
        for (int i = 0; i < spans.length; i++) {
            out.add(new Token(words[i], spans[i].getStart(), spans[i].getEnd(), tags[i]));
        }
        return out;
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishTokenizer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " not on the classpath (opennlp-models-*-en)");
        }
        return in;
    }
}
