package io.quanyu.recommender.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tokenizer for mixed English and Chinese product text: words, plus CJK character unigrams and bigrams. */
public final class TextTokenizer {

    private static final Set<String> ENGLISH_STOP = Set.of("a", "an", "and", "are", "as", "at", "be", "but", "by",
            "for", "from", "has", "have", "in", "into", "is", "it", "its", "of", "on", "or", "that", "the", "their",
            "this", "to", "was", "were", "will", "with", "you", "your", "our", "we", "not", "no", "all", "any", "can");

    private static final Set<String> CJK_STOP = Set.of("的", "了", "和", "是", "在", "与", "及", "或", "也", "就", "都",
            "而", "之", "其", "这", "那", "有");

    private TextTokenizer() {
    }

    /**
     * Text is NFKC-folded (full-width letters and digits become ASCII) and lower-cased. Runs of letters or digits in
     * non-CJK scripts become words, dropping one-letter words and a short English stop list. With no segmenter, a run
     * of CJK characters becomes its single characters plus every adjacent pair: bigrams catch most two-character
     * Chinese words ("手机", "耳机") and unigrams keep recall when a word is cut differently, the usual
     * dictionary-free trade-off. A few very common Chinese function characters are dropped as unigrams only.
     */
    public static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder word = new StringBuilder();
        List<String> cjkRun = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (isCjk(cp)) {
                flushWord(word, out);
                cjkRun.add(new String(Character.toChars(cp)));
            } else if (Character.isLetterOrDigit(cp)) {
                flushCjk(cjkRun, out);
                word.appendCodePoint(cp);
            } else {
                flushWord(word, out);
                flushCjk(cjkRun, out);
            }
        }
        flushWord(word, out);
        flushCjk(cjkRun, out);
        return out;
    }

    /** Han ideographs, kana and Hangul are written without spaces between words. */
    static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static void flushWord(StringBuilder word, List<String> out) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString();
        word.setLength(0);
        if (w.codePointCount(0, w.length()) > 1 && !ENGLISH_STOP.contains(w)) {
            out.add(w);
        }
    }

    private static void flushCjk(List<String> run, List<String> out) {
        for (int k = 0; k < run.size(); k++) {
            if (!CJK_STOP.contains(run.get(k))) {
                out.add(run.get(k));
            }
            if (k + 1 < run.size()) {
                out.add(run.get(k) + run.get(k + 1));
            }
        }
        run.clear();
    }
}
