package io.quanyu.chatbot.domain.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * About 20 K common English words: the whole-word entries of the MiniLM word-piece vocabulary, which ships
 * inside the embedding model's artifact. Used to tell English from keyboard mashing.
 */
public final class EnglishVocabulary {

    private static final String RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    private static volatile Set<String> words;

    private EnglishVocabulary() {
    }

    public static boolean contains(String lowerCaseWord) {
        return words().contains(lowerCaseWord);
    }

    public static int size() {
        return words().size();
    }

    private static Set<String> words() {
        Set<String> w = words;
        if (w == null) {
            synchronized (EnglishVocabulary.class) {
                if (words == null) {
                    words = load();
                }
                w = words;
            }
        }
        return w;
    }

    private static Set<String> load() {
        try (InputStream in = EnglishVocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Set.of();
            }
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int from = json.indexOf("\"vocab\"");
            Set<String> out = new HashSet<>();
            Matcher m = Pattern.compile("\"([a-z]+)\"\\s*:\\s*\\d+").matcher(json);
            m.region(Math.max(0, from), json.length());
            while (m.find()) {
                out.add(m.group(1));
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
