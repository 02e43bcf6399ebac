package io.quanyu.chatbot.domain.text;

/**
 * A token of the original text: {@code text} equals {@code original.substring(start, end)}; {@code pos} is a
 * part-of-speech tag (Universal Dependencies for English, the jieba dictionary's tag for Chinese) or null.
 */
public record Token(String text, int start, int end, String pos) {

    public Token {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public Token withPos(String tag) {
        return new Token(text, start, end, tag);
    }
}
