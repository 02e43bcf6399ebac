package io.quanyu.chatbot.domain.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Bidirectional maximum matching over a word list: forward and backward greedy longest match, keeping the
 * reading with fewer words, then fewer single characters, then the backward one (right-branching Chinese
 * words make backward matching the better default). Exact for any term in the list, which is what
 * catalog names and service terms need.
 */
public final class MaximumMatchingSegmenter {

    private final Predicate<String> dictionary;
    private final int maxWordLength;

    public MaximumMatchingSegmenter(Predicate<String> dictionary, int maxWordLength) {
        this.dictionary = dictionary;
        this.maxWordLength = Math.max(1, maxWordLength);
    }

    /** A segmenter over jieba's own dictionary. */
    public static MaximumMatchingSegmenter withJiebaDictionary() {
        JiebaLexicon lexicon = JiebaLexicon.get();
        return new MaximumMatchingSegmenter(lexicon::contains, lexicon.maxWordLength());
    }

    /** Segments text (each returned token's offsets are offsets in text); whitespace is never a token. */
    public List<Token> segment(String text) {
        List<Token> forward = forward(text);
        List<Token> backward = backward(text);
        if (forward.size() != backward.size()) {
            return forward.size() < backward.size() ? forward : backward;
        }
        long singlesF = forward.stream().filter(t -> t.end() - t.start() == 1).count();
        long singlesB = backward.stream().filter(t -> t.end() - t.start() == 1).count();
        return singlesF < singlesB ? forward : backward;
    }

    public List<Token> forward(String text) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int len = longestFrom(text, i);
            out.add(new Token(text.substring(i, i + len), i, i + len, null));
            i += len;
        }
        return out;
    }

    public List<Token> backward(String text) {
        List<Token> out = new ArrayList<>();
        int j = text.length();
        while (j > 0) {
            if (Character.isWhitespace(text.charAt(j - 1))) {
                j--;
                continue;
            }
            int len = longestTo(text, j);
            out.add(new Token(text.substring(j - len, j), j - len, j, null));
            j -= len;
        }
        Collections.reverse(out);
        return out;
    }

    private int longestFrom(String text, int i) {
        int limit = Math.min(maxWordLength, text.length() - i);
        for (int len = limit; len > 1; len--) {
            if (dictionary.test(text.substring(i, i + len))) {
                return len;
            }
        }
        return unitLength(text, i);
    }

    private int longestTo(String text, int j) {
        int limit = Math.min(maxWordLength, j);
        for (int len = limit; len > 1; len--) {
            if (dictionary.test(text.substring(j - len, j))) {
                return len;
            }
        }
        return Character.isLowSurrogate(text.charAt(j - 1)) && j >= 2 && Character.isHighSurrogate(text.charAt(j - 2)) ? 2 : 1;
    }

    private static int unitLength(String text, int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }
}
