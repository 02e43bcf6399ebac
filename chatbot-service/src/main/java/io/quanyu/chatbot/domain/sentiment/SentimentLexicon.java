package io.quanyu.chatbot.domain.sentiment;

import io.quanyu.chatbot.domain.text.Language;
import io.quanyu.chatbot.domain.text.MaximumMatchingSegmenter;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Word-list sentiment with negation ("不好", "not good"), intensifiers and contrast ("但是", "but": the
 * clause after it counts more). Chinese is matched by maximum matching over the lexicon itself, which
 * finds its entries whatever jieba would do with them; English by words.
 */
public final class SentimentLexicon {

    /** Score and number of opinion words found. */
    public record Result(double score, int hits) {
    }

    private static final Set<String> NEGATORS = Set.of("不", "没", "没有", "别", "未", "不是", "不太", "不够", "并不", "毫不",
            "not", "no", "never", "dont", "don't", "didn't", "didnt", "isn't", "isnt", "wasn't", "wasnt", "doesn't", "doesnt", "nothing", "hardly");
    private static final Set<String> INTENSIFIERS = Set.of("很", "非常", "太", "超", "特别", "十分", "真", "挺", "好", "极",
            "very", "really", "so", "extremely", "super", "too", "absolutely", "totally");
    private static final Set<String> CONTRAST = Set.of("但是", "但", "可是", "不过", "然而", "but", "however", "though");

    private static final java.util.regex.Pattern RUNS = java.util.regex.Pattern.compile("([\\p{IsHan}]+)|([\\p{L}\\p{N}']+)");

    private final Map<String, Double> zh;
    private final Map<String, Double> en;
    private final MaximumMatchingSegmenter zhMatcher;

    public SentimentLexicon(Map<String, Double> zh, Map<String, Double> en) {
        this.zh = Map.copyOf(zh);
        this.en = Map.copyOf(en);
        Set<String> dictionary = new HashSet<>(zh.keySet());
        dictionary.addAll(NEGATORS);
        dictionary.addAll(INTENSIFIERS);
        dictionary.addAll(CONTRAST);
        this.zhMatcher = new MaximumMatchingSegmenter(dictionary::contains, 6);
    }

    /** The lexicon bundled with the service (resources/chatbot/sentiment-lexicon.tsv). */
    public static SentimentLexicon bundled() {
        Map<String, Double> zh = new HashMap<>();
        Map<String, Double> en = new HashMap<>();
        try (InputStream in = SentimentLexicon.class.getResourceAsStream("/chatbot/sentiment-lexicon.tsv")) {
            if (in == null) {
                throw new IllegalStateException("chatbot/sentiment-lexicon.tsv not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] p = line.split("\t");
                if (line.startsWith("#") || p.length != 3) {
                    continue;
                }
                (p[0].equals("zh") ? zh : en).put(p[1], Double.parseDouble(p[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SentimentLexicon(zh, en);
    }

    /** Scores text as language (MIXED and others use both word lists). */
    public Result score(String text, Language language) {
        String f = TextNormalizer.fold(TextNormalizer.cap(text));
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher m = RUNS.matcher(f);
        while (m.find()) {
            if (m.group(1) != null) {
                zhMatcher.segment(m.group(1)).forEach(t -> tokens.add(t.text()));
            } else {
                tokens.add(m.group(2));
            }
        }
        double before = 0;
        double sum = 0;
        int hits = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i);
            if (CONTRAST.contains(w)) {
                before += sum;
                sum = 0;
                continue;
            }
            Double weight = language == Language.EN ? en.get(w) : language == Language.ZH ? zh.get(w)
                    : zh.containsKey(w) ? zh.get(w) : en.get(w);
            if (weight == null) {
                continue;
            }
            double v = weight;
            for (int j = Math.max(0, i - 3); j < i; j++) {
                String p = tokens.get(j);
                if (NEGATORS.contains(p)) {
                    v = -0.8 * v;
                } else if (INTENSIFIERS.contains(p)) {
                    v *= 1.5;
                }
            }
            sum += v;
            hits++;
        }
        double total = 0.5 * before + sum;
        return new Result(Math.tanh(total / 2), hits);
    }
}
