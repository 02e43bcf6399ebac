package io.quanyu.chatbot.domain.text;

import com.huaban.analysis.jieba.JiebaSegmenter;
import com.huaban.analysis.jieba.SegToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chinese word segmentation with offsets into the original text. jieba (dictionary + HMM for unknown words)
 * segments general text; where domain terms are given (catalog product names, service vocabulary), a
 * bidirectional maximum-matching pass over those terms runs first and fixes them as single words, since
 * jieba splits names it has never seen ("小米手环8" becomes 小米/手环/8).
 */
public final class ChineseSegmenter {

    private static volatile JiebaSegmenter jieba;

    private final Set<String> domainTerms;
    private final MaximumMatchingSegmenter domainMatcher;

    public ChineseSegmenter() {
        this(List.of());
    }

    /** Terms are matched case- and width-insensitively; single characters are ignored. */
    public ChineseSegmenter(Collection<String> terms) {
        Set<String> folded = new HashSet<>();
        int max = 1;
        for (String t : terms) {
            String f = TextNormalizer.fold(t.strip());
            if (f.length() >= 2) {
                folded.add(f);
                max = Math.max(max, f.length());
            }
        }
        this.domainTerms = Set.copyOf(folded);
        this.domainMatcher = new MaximumMatchingSegmenter(domainTerms::contains, Math.min(max, 40));
    }

    /** A segmenter with these extra domain terms. */
    public ChineseSegmenter withDomainTerms(Collection<String> terms) {
        List<String> all = new ArrayList<>(domainTerms);
        all.addAll(terms);
        return new ChineseSegmenter(all);
    }

    public Set<String> domainTerms() {
        return domainTerms;
    }

    /** Words of text (whitespace dropped); each token's text is the original substring. */
    public List<Token> segment(String text) {
        String folded = TextNormalizer.fold(text);
        List<Token> out = new ArrayList<>();
        int cursor = 0;
        if (!domainTerms.isEmpty()) {
            for (Token t : domainMatcher.segment(folded)) {
                if (domainTerms.contains(t.text())) {
                    jiebaInto(text, folded, cursor, t.start(), out);
                    out.add(new Token(text.substring(t.start(), t.end()), t.start(), t.end(), "nz"));
                    cursor = t.end();
                }
            }
        }
        jiebaInto(text, folded, cursor, folded.length(), out);
        return out;
    }

    /** The folded word strings only, as used for features. */
    public List<String> words(String text) {
        String folded = TextNormalizer.fold(text);
        List<String> out = new ArrayList<>();
        for (Token t : segment(text)) {
            out.add(folded.substring(t.start(), t.end()));
        }
        return out;
    }

    private static void jiebaInto(String original, String folded, int from, int to, List<Token> out) {
        if (from >= to) {
            return;
        }
        List<SegToken> seg = segmenter().process(folded.substring(from, to), JiebaSegmenter.SegMode.SEARCH);
        JiebaLexicon lexicon = JiebaLexicon.get();
        int pendingStart = -1;
        for (SegToken s : seg) {
            int start = from + s.startOffset;
            int end = from + s.endOffset;
            if (pendingStart >= 0) {
                start = pendingStart;
                pendingStart = -1;
            }
            // jieba emits the halves of a surrogate pair (emoji) separately; keep the pair whole.
            if (Character.isHighSurrogate(original.charAt(end - 1)) && end < to) {
                pendingStart = start;
                continue;
            }
            String word = original.substring(start, end);
            if (word.isBlank()) {
                continue;
            }
            out.add(new Token(word, start, end, tagOf(folded.substring(start, end), lexicon)));
        }
    }

    private static String tagOf(String word, JiebaLexicon lexicon) {
        String tag = lexicon.tag(word);
        if (tag != null) {
            return tag;
        }
        int cp = word.codePointAt(0);
        if (Character.isDigit(cp)) {
            return "m";
        }
        if (Character.isLetter(cp) && !TextNormalizer.isHan(cp)) {
            return "eng";
        }
        return Character.isLetter(cp) ? "x" : "w";
    }

    private static JiebaSegmenter segmenter() {
        JiebaSegmenter s = jieba;
        if (s == null) {
            synchronized (ChineseSegmenter.class) {
                if (jieba == null) {
                    jieba = new JiebaSegmenter();
                }
                s = jieba;
            }
        }
        return s;
    }
}
