package io.quanyu.chatbot.domain;

import io.quanyu.chatbot.domain.faq.FaqEntry;
import io.quanyu.chatbot.domain.ml.CsvReader;
import io.quanyu.chatbot.domain.ml.LabelledText;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The small hand-written English and Chinese e-commerce data bundled with the service (intents, FAQ). */
public final class SeedData {

    private SeedData() {
    }

    /** Labelled utterances of resources/chatbot/intents-seed.csv (text,intent). */
    public static List<LabelledText> intents() {
        List<LabelledText> out = new ArrayList<>();
        for (List<String> row : rows("/chatbot/intents-seed.csv")) {
            out.add(new LabelledText(row.get(0), row.get(1)));
        }
        return out;
    }

    /** Entries of resources/chatbot/faq-seed.csv (id,language,question,answer). */
    public static List<FaqEntry> faq() {
        List<FaqEntry> out = new ArrayList<>();
        for (List<String> row : rows("/chatbot/faq-seed.csv")) {
            out.add(new FaqEntry(row.get(0), row.get(2), row.get(3), row.get(1)));
        }
        return out;
    }

    private static List<List<String>> rows(String resource) {
        try (InputStream in = SeedData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not on the classpath");
            }
            try (Reader r = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                List<List<String>> all = CsvReader.readAll(r);
                return all.subList(1, all.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
