package io.quanyu.chatbot.domain.faq;

import io.quanyu.chatbot.domain.text.ChineseSegmenter;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BM25 retrieval over FAQ questions in Chinese and English. Chinese is indexed by jieba words and character
 * bigrams (so a query still matches when it segments differently), English by lower-cased words without
 * stop words and a plural "s". Immutable and thread-safe; rebuild to change the entries.
 */
public final class FaqIndex {

    private static final double K1 = 1.2;
    private static final double B = 0.75;
    private static final Pattern RUNS = Pattern.compile("([\\p{IsHan}]+)|([\\p{L}\\p{N}]+)");
    private static final Set<String> STOP = Set.of("a", "an", "the", "is", "are", "was", "do", "does", "i", "my", "me", "you",
            "your", "to", "of", "for", "in", "on", "it", "can", "how", "what", "and", "or", "be", "with", "at", "this", "that",
            "的", "了", "吗", "呢", "我", "你", "是", "在", "啊", "吧");
    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter();

    private final List<FaqEntry> entries;
    private final List<Map<String, Integer>> termFreqs = new ArrayList<>();
    private final int[] lengths;
    private final Map<String, Integer> docFreq = new HashMap<>();
    private final double avgLength;

    private FaqIndex(List<FaqEntry> entries) {
        this.entries = List.copyOf(entries);
        this.lengths = new int[entries.size()];
        long total = 0;
        for (int i = 0; i < entries.size(); i++) {
            List<String> terms = terms(entries.get(i).question());
            Map<String, Integer> tf = new HashMap<>();
            terms.forEach(t -> tf.merge(t, 1, Integer::sum));
            tf.keySet().forEach(t -> docFreq.merge(t, 1, Integer::sum));
            termFreqs.add(tf);
            lengths[i] = terms.size();
            total += terms.size();
        }
        this.avgLength = entries.isEmpty() ? 1 : Math.max(1, (double) total / entries.size());
    }

    public static FaqIndex build(List<FaqEntry> entries) {
        return new FaqIndex(entries);
    }

    public List<FaqEntry> entries() {
        return entries;
    }

    /** The k best entries for the query, best first; entries sharing no term are left out. */
    public List<FaqHit> search(String query, int k) {
        Set<String> q = new LinkedHashSet<>(terms(TextNormalizer.cap(query)));
        double possible = 0;
        for (String t : q) {
            possible += idf(t);
        }
        List<FaqHit> hits = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map<String, Integer> tf = termFreqs.get(i);
            double score = 0;
            double matched = 0;
            for (String t : q) {
                Integer f = tf.get(t);
                if (f != null) {
                    double idf = idf(t);
                    score += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * lengths[i] / avgLength));
                    matched += idf;
                }
            }
            if (score > 0) {
                hits.add(new FaqHit(entries.get(i), score, possible == 0 ? 0 : matched / possible));
            }
        }
        hits.sort(Comparator.comparingDouble(FaqHit::score).reversed());
        return hits.subList(0, Math.min(k, hits.size()));
    }

    /** The best entry if it covers at least minCoverage of the query. */
    public Optional<FaqHit> best(String query, double minCoverage) {
        return search(query, 1).stream().filter(h -> h.coverage() >= minCoverage).findFirst();
    }

    private double idf(String term) {
        int df = docFreq.getOrDefault(term, 0);
        int n = entries.size();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    static List<String> terms(String text) {
        String f = TextNormalizer.fold(text);
        List<String> out = new ArrayList<>();
        Matcher m = RUNS.matcher(f);
        while (m.find()) {
            if (m.group(1) != null) {
                String han = m.group(1);
                for (String w : SEGMENTER.words(han)) {
                    if (!STOP.contains(w)) {
                        out.add(w);
                    }
                }
                for (int i = 0; i + 2 <= han.length(); i++) {
                    out.add("#" + han.substring(i, i + 2));
                }
            } else {
                String w = m.group(2);
                if (!STOP.contains(w)) {
                    out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
                }
            }
        }
        return out;
    }
}
