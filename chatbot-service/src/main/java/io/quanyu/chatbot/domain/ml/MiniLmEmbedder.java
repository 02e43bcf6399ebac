package io.quanyu.chatbot.domain.ml;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.quanyu.chatbot.domain.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * English sentence embeddings from the quantized all-MiniLM-L6-v2 model shipped inside its Maven artifact
 * (run by onnxruntime, a few milliseconds per sentence on a CPU). Blank text embeds to zeros.
 */
public final class MiniLmEmbedder implements Embedder {

    /** The model reads at most 256 word pieces; longer input is only tokenisation work. */
    private static final int MAX_CHARS = 1000;
    private static final int BATCH = 64;

    private final AllMiniLmL6V2QuantizedEmbeddingModel model = new AllMiniLmL6V2QuantizedEmbeddingModel();

    @Override
    public String id() {
        return "all-minilm-l6-v2-q";
    }

    @Override
    public int dimension() {
        return 384;
    }

    @Override
    public float[] embed(String text) {
        String t = TextNormalizer.cap(text, MAX_CHARS);
        return t.isBlank() ? new float[dimension()] : model.embed(t).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<float[]> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + BATCH));
            List<TextSegment> segments = new ArrayList<>();
            for (String t : chunk) {
                String c = TextNormalizer.cap(t, MAX_CHARS);
                if (!c.isBlank()) {
                    segments.add(TextSegment.from(c));
                }
            }
            var embedded = segments.isEmpty() ? List.<dev.langchain4j.data.embedding.Embedding>of() : model.embedAll(segments).content();
            int j = 0;
            for (String t : chunk) {
                out.add(TextNormalizer.cap(t, MAX_CHARS).isBlank() ? new float[dimension()] : embedded.get(j++).vector());
            }
        }
        return out;
    }
}
