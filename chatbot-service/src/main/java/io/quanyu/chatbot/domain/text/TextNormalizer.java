package io.quanyu.chatbot.domain.text;

/**
 * Length caps and a character-for-character folding (full-width to ASCII, lower case), so that offsets
 * computed on the folded text are offsets in the original text.
 */
public final class TextNormalizer {

    /** Longest prefix any analysis looks at: a chat turn is short, and a 100 KB paste must still answer in bounded time. */
    public static final int MAX_CHARS = 2000;

    private TextNormalizer() {
    }

    /** The text cut to MAX_CHARS without splitting a surrogate pair; null becomes empty. */
    public static String cap(String text) {
        return cap(text, MAX_CHARS);
    }

    public static String cap(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        if (text.length() <= maxChars) {
            return text;
        }
        int end = maxChars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Same length as the input: full-width forms and the ideographic space become ASCII, letters lower case. */
    public static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = foldChar(text.charAt(i));
        }
        return new String(out);
    }

    public static char foldChar(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000') {
            c = ' ';
        }
        return Character.toLowerCase(c);
    }

    public static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    public static boolean isHan(char c) {
        return !Character.isSurrogate(c) && isHan((int) c);
    }

    public static boolean containsHan(String text) {
        return text.codePoints().anyMatch(TextNormalizer::isHan);
    }
}
