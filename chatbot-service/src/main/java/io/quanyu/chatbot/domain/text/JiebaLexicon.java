package io.quanyu.chatbot.domain.text;

import com.huaban.analysis.jieba.JiebaSegmenter;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The word list of jieba's dictionary with its part-of-speech tags, loaded once from the jieba jar. */
public final class JiebaLexicon {

    private static volatile JiebaLexicon instance;

    private final Map<String, String> tags;
    private final int maxWordLength;

    private JiebaLexicon(Map<String, String> tags, int maxWordLength) {
        this.tags = tags;
        this.maxWordLength = maxWordLength;
    }

    /** The shared lexicon (about 350 K words; the first call takes about a second). */
    public static JiebaLexicon get() {
        JiebaLexicon l = instance;
        if (l == null) {
            synchronized (JiebaLexicon.class) {
                if (instance == null) {
                    instance = load();
                }
                l = instance;
            }
        }
        return l;
    }

    public boolean contains(String word) {
        return tags.containsKey(word);
    }

    /** The dictionary's tag (ICTCLAS set: n, v, vn, ns, ...) or null for unknown words. */
    public String tag(String word) {
        return tags.get(word);
    }

    public int maxWordLength() {
        return maxWordLength;
    }

    public int size() {
        return tags.size();
    }

    private static JiebaLexicon load() {
        Map<String, String> tags = new HashMap<>(1 << 19);
        Map<String, String> interned = new HashMap<>();
        int max = 1;
        try (InputStream in = JiebaSegmenter.class.getResourceAsStream("/dict.txt")) {
            if (in == null) {
                throw new IllegalStateException("jieba dict.txt not on the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                String[] parts = line.strip().split(" ");
                if (parts.length == 0 || parts[0].isEmpty()) {
                    continue;
                }
                String tag = parts.length >= 3 ? interned.computeIfAbsent(parts[2], t -> t) : null;
                tags.put(parts[0], tag);
                max = Math.max(max, parts[0].length());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Very long entries are idioms and names; capping the window keeps maximum matching fast.
        return new JiebaLexicon(tags, Math.min(max, 8));
    }
}
