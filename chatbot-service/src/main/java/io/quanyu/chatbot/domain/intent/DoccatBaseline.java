package io.quanyu.chatbot.domain.intent;

import io.quanyu.chatbot.domain.ml.LabelledText;
import io.quanyu.chatbot.domain.text.TextNormalizer;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The OpenNLP document categorizer (maximum entropy over words and word bigrams): the baseline intent model. */
public final class DoccatBaseline {

    private final DoccatModel model;

    private DoccatBaseline(DoccatModel model) {
        this.model = model;
    }

    public static DoccatBaseline train(List<LabelledText> examples, int iterations) {
        List<DocumentSample> samples = examples.stream()
                .map(e -> new DocumentSample(e.label(), tokens(e.text()))).toList();
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        try {
            DoccatFactory factory = new DoccatFactory(new FeatureGenerator[] {
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
            return new DoccatBaseline(DocumentCategorizerME.train("x-unspecified",
                    ObjectStreamUtils.createObjectStream(samples), params, factory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The best category; DocumentCategorizerME is not thread-safe, so each call makes its own. */
    public String classify(String text) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        return categorizer.getBestCategory(categorizer.categorize(tokens(text)));
    }

    public List<String> classifyAll(List<String> texts) {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(model);
        List<String> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(categorizer.getBestCategory(categorizer.categorize(tokens(t))));
        }
        return out;
    }

    /** Lower-cased runs of letters and digits; each Chinese character is its own token (no model for Chinese). */
    static String[] tokens(String text) {
        String f = TextNormalizer.fold(TextNormalizer.cap(text));
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < f.length()) {
            char c = f.charAt(i);
            if (TextNormalizer.isHan(c)) {
                out.add(String.valueOf(c));
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                int j = i + 1;
                while (j < f.length() && Character.isLetterOrDigit(f.charAt(j)) && !TextNormalizer.isHan(f.charAt(j))) {
                    j++;
                }
                out.add(f.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out.isEmpty() ? new String[] {"<empty>"} : out.toArray(String[]::new);
    }
}
