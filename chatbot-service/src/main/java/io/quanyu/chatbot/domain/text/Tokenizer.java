package io.quanyu.chatbot.domain.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Tokens of a Chinese, English or mixed turn, all with offsets into the original text: runs of Han
 * characters go to the Chinese segmenter, everything between them to the OpenNLP English tokenizer.
 */
public final class Tokenizer {

    private final ChineseSegmenter chinese;
    private final EnglishTokenizer english;

    public Tokenizer(ChineseSegmenter chinese, EnglishTokenizer english) {
        this.chinese = chinese;
        this.english = english;
    }

    /** A tokenizer with jieba and the OpenNLP models, no domain terms. */
    public static Tokenizer standard() {
        return new Tokenizer(new ChineseSegmenter(), EnglishTokenizer.get());
    }

    public Tokenizer withDomainTerms(java.util.Collection<String> terms) {
        return new Tokenizer(chinese.withDomainTerms(terms), english);
    }

    /** Tokens of the text's first TextNormalizer.MAX_CHARS characters. */
    public List<Token> tokenize(String text) {
        String t = TextNormalizer.cap(text);
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < t.length()) {
            boolean han = isHanRun(t, i);
            int j = i;
            while (j < t.length() && isHanRun(t, j) == han) {
                j++;
            }
            // Latin words glued to Chinese (iPhone15, 3件) stay in the Chinese run, where jieba keeps them whole.
            if (han) {
                while (j < t.length() && !Character.isWhitespace(t.charAt(j)) && !isHanRun(t, j) && Character.isLetterOrDigit(t.charAt(j))) {
                    j++;
                }
            }
            String part = t.substring(i, j);
            List<Token> tokens = han ? chinese.segment(part) : english.tokenize(part);
            for (Token tok : tokens) {
                out.add(new Token(tok.text(), tok.start() + i, tok.end() + i, tok.pos()));
            }
            i = j;
        }
        return out;
    }

    private static boolean isHanRun(String t, int i) {
        char c = t.charAt(i);
        return TextNormalizer.isHan(c) || c >= '\u3000' && c <= '\u303F' || c >= '\uFF00' && c <= '\uFF0F'
                || c == '\uFF1A' || c == '\uFF1B' || c == '\uFF1F' || c == '\uFF01';
    }
}
