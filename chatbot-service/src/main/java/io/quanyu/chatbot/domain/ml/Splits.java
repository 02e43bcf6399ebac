package io.quanyu.chatbot.domain.ml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded stratified splits, so that a stated hold-out is reproducible anywhere. */
public final class Splits {

    private Splits() {
    }

    /** A train part and a test part. */
    public record Split(List<LabelledText> train, List<LabelledText> test) {
    }

    /**
     * Puts round(testFraction * n_label) examples of every label in the test part, chosen by a seeded
     * shuffle within each label, keeping the original order within each part.
     */
    public static Split stratified(List<LabelledText> data, double testFraction, long seed) {
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            byLabel.computeIfAbsent(data.get(i).label(), k -> new ArrayList<>()).add(i);
        }
        boolean[] inTest = new boolean[data.size()];
        Random random = new Random(seed);
        for (List<Integer> idx : byLabel.values()) {
            Collections.shuffle(idx, random);
            int k = (int) Math.round(testFraction * idx.size());
            for (int j = 0; j < k; j++) {
                inTest[idx.get(j)] = true;
            }
        }
        List<LabelledText> train = new ArrayList<>();
        List<LabelledText> test = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            (inTest[i] ? test : train).add(data.get(i));
        }
        return new Split(train, test);
    }

    /** A seeded, stratified subsample of at most n examples. */
    public static List<LabelledText> subsample(List<LabelledText> data, int n, long seed) {
        if (n >= data.size()) {
            return data;
        }
        return stratified(data, (double) n / data.size(), seed).test();
    }
}
