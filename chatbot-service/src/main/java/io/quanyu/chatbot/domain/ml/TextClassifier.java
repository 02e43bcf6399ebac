package io.quanyu.chatbot.domain.ml;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * A calibrated text classifier: TF-IDF word and character n-grams (optionally joined by sentence
 * embeddings) into a one-vs-rest linear SVM, margins turned into probabilities by a temperature fitted on
 * held-out training data. Thread-safe for prediction; can be saved to and loaded from a stream.
 */
public final class TextClassifier {

    private static final int MAGIC = 0x51594331;

    private final List<String> labels;
    private final TextVectorizer vectorizer;
    private final LinearSvm svm;
    private final Embedder embedder;
    private final float embeddingWeight;
    private final double temperature;
    private final float[] nbScale;

    private TextClassifier(List<String> labels, TextVectorizer vectorizer, float[] nbScale, LinearSvm svm, Embedder embedder,
                           float embeddingWeight, double temperature) {
        this.nbScale = nbScale;
        this.labels = List.copyOf(labels);
        this.vectorizer = vectorizer;
        this.svm = svm;
        this.embedder = embedder;
        this.embeddingWeight = embeddingWeight;
        this.temperature = temperature;
    }

    /** Trains on data; embedder may be null (then options' embedding weight is ignored). */
    public static TextClassifier train(List<LabelledText> data, ClassifierOptions options, Embedder embedder) {
        if (data.isEmpty()) {
            throw new IllegalArgumentException("no training data");
        }
        Embedder used = options.embeddingWeight() > 0 ? embedder : null;
        List<String> texts = data.stream().map(LabelledText::text).toList();
        List<float[]> embeddings = used == null ? null : used.embedAll(texts);
        double temperature = 1.0;
        if (options.calibrationFraction() > 0 && data.size() >= 20) {
            // Split positions rather than examples, so that embeddings computed once follow their texts.
            Splits.Split split = Splits.stratified(indexed(data), options.calibrationFraction(), options.seed());
            TextClassifier part = fit(pick(data, split.train()), pickEmb(embeddings, split.train()), options, used, 1.0);
            List<LabelledText> held = pick(data, split.test());
            List<float[]> heldEmb = pickEmb(embeddings, split.test());
            double[][] scores = new double[held.size()][];
            int[] y = new int[held.size()];
            int kept = 0;
            for (int i = 0; i < held.size(); i++) {
                int label = part.labels.indexOf(held.get(i).label());
                if (label >= 0 && part.svm != null) {
                    scores[kept] = part.svm.scores(part.vector(held.get(i).text(), heldEmb == null ? null : heldEmb.get(i)));
                    y[kept++] = label;
                }
            }
            if (kept > 0) {
                temperature = TemperatureScaling.fit(Arrays.copyOf(scores, kept), Arrays.copyOf(y, kept));
            }
        }
        return fit(data, embeddings, options, used, temperature);
    }

    private static TextClassifier fit(List<LabelledText> data, List<float[]> embeddings, ClassifierOptions options,
                                      Embedder embedder, double temperature) {
        List<String> labels = data.stream().map(LabelledText::label).distinct().sorted().toList();
        Map<String, Integer> index = new TreeMap<>();
        for (int i = 0; i < labels.size(); i++) {
            index.put(labels.get(i), i);
        }
        TextVectorizer.Fitted fitted = TextVectorizer.fitTransform(data.stream().map(LabelledText::text).toList(), options.vectorizer());
        int dim = fitted.vectorizer().dimension();
        float weight = (float) options.embeddingWeight();
        int[] y = data.stream().mapToInt(d -> index.get(d.label())).toArray();
        float[] scale = options.nbAlpha() > 0 && labels.size() > 1
                ? NbScaling.fit(fitted.vectors(), y, labels.size(), dim, options.nbAlpha()) : null;
        List<SparseVector> base = scale == null ? fitted.vectors() : fitted.vectors().parallelStream().map(v -> NbScaling.apply(v, scale)).toList();
        List<SparseVector> x = embeddings == null ? base
                : IntStream.range(0, data.size()).mapToObj(i -> base.get(i).withDense(embeddings.get(i), dim, weight)).toList();
        int total = dim + (embedder == null ? 0 : embedder.dimension());
        // A single label still needs two classes for the SVM; its probability is then always 1.
        if (labels.size() == 1) {
            return new TextClassifier(labels, fitted.vectorizer(), scale, null, embedder, weight, temperature);
        }
        LinearSvm svm = LinearSvm.train(x, y, labels.size(), total, options.c(), options.maxPasses(), options.seed());
        return new TextClassifier(labels, fitted.vectorizer(), scale, svm, embedder, weight, temperature);
    }

    public Prediction predict(String text) {
        String t = text == null ? "" : text;
        return rank(t, embedder == null ? null : embedder.embed(t));
    }

    /** Predicts many texts, embedding them in batches. */
    public List<Prediction> predictAll(List<String> texts) {
        List<float[]> emb = embedder == null ? null : embedder.embedAll(texts);
        return IntStream.range(0, texts.size()).parallel()
                .mapToObj(i -> rank(texts.get(i), emb == null ? null : emb.get(i))).toList();
    }

    private Prediction rank(String text, float[] embedding) {
        if (svm == null) {
            return new Prediction(List.of(new ScoredLabel(labels.getFirst(), 1.0)));
        }
        double[] p = TemperatureScaling.softmax(svm.scores(vector(text, embedding)), temperature);
        List<ScoredLabel> ranked = new ArrayList<>(p.length);
        for (int k = 0; k < p.length; k++) {
            ranked.add(new ScoredLabel(labels.get(k), p[k]));
        }
        ranked.sort(Comparator.comparingDouble(ScoredLabel::probability).reversed());
        return new Prediction(ranked);
    }

    private SparseVector vector(String text, float[] embedding) {
        SparseVector v = vectorizer.transform(text);
        if (nbScale != null) {
            v = NbScaling.apply(v, nbScale);
        }
        return embedding == null ? v : v.withDense(embedding, vectorizer.dimension(), embeddingWeight);
    }

    /** How many of the text's n-grams the model knows: 0 means it has nothing to go on but embeddings. */
    public int knownFeatures(String text) {
        return vectorizer.transform(text == null ? "" : text).size();
    }

    public List<String> labels() {
        return labels;
    }

    public double temperature() {
        return temperature;
    }

    /** Number of TF-IDF features (embedding dimensions not counted). */
    public int features() {
        return vectorizer.dimension();
    }

    public boolean usesEmbeddings() {
        return embedder != null;
    }

    public void save(OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(stream));
        out.writeInt(MAGIC);
        out.writeInt(labels.size());
        for (String l : labels) {
            out.writeUTF(l);
        }
        out.writeDouble(temperature);
        out.writeFloat(embeddingWeight);
        out.writeUTF(embedder == null ? "" : embedder.id());
        vectorizer.write(out);
        out.writeInt(nbScale == null ? -1 : nbScale.length);
        if (nbScale != null) {
            for (float f : nbScale) {
                out.writeFloat(f);
            }
        }
        out.writeBoolean(svm != null);
        if (svm != null) {
            svm.write(out);
        }
        out.flush();
    }

    /** Loads a saved classifier; embedder must be the one it was trained with, if it used one. */
    public static TextClassifier load(InputStream stream, Embedder embedder) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(stream));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a text classifier model");
        }
        List<String> labels = new ArrayList<>();
        for (int i = in.readInt(); i > 0; i--) {
            labels.add(in.readUTF());
        }
        double temperature = in.readDouble();
        float weight = in.readFloat();
        String embedderId = in.readUTF();
        if (!embedderId.isEmpty() && (embedder == null || !embedder.id().equals(embedderId))) {
            throw new IOException("model needs embedder " + embedderId);
        }
        TextVectorizer vectorizer = TextVectorizer.read(in);
        int scaleLength = in.readInt();
        float[] scale = scaleLength < 0 ? null : new float[scaleLength];
        for (int i = 0; i < scaleLength; i++) {
            scale[i] = in.readFloat();
        }
        LinearSvm svm = in.readBoolean() ? LinearSvm.read(in) : null;
        return new TextClassifier(labels, vectorizer, scale, svm, embedderId.isEmpty() ? null : embedder, weight, temperature);
    }

    private static List<LabelledText> indexed(List<LabelledText> data) {
        return IntStream.range(0, data.size()).mapToObj(i -> new LabelledText(Integer.toString(i), data.get(i).label())).toList();
    }

    private static List<LabelledText> pick(List<LabelledText> data, List<LabelledText> idx) {
        return idx.stream().map(e -> data.get(Integer.parseInt(e.text()))).toList();
    }

    private static List<float[]> pickEmb(List<float[]> emb, List<LabelledText> idx) {
        return emb == null ? null : idx.stream().map(e -> emb.get(Integer.parseInt(e.text()))).toList();
    }
}
