package io.quanyu.chatbot.domain.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers embeddings by text, so that cross-validation and retraining embed each text once. */
public final class CachingEmbedder implements Embedder {

    private final Embedder delegate;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    public CachingEmbedder(Embedder delegate) {
        this.delegate = delegate;
    }

    /** Forgets every cached embedding (to time real embedding work, or to free memory). */
    public void clear() {
        cache.clear();
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public float[] embed(String text) {
        return cache.computeIfAbsent(text, delegate::embed);
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        List<float[]> fresh = delegate.embedAll(missing);
        for (int i = 0; i < missing.size(); i++) {
            cache.put(missing.get(i), fresh.get(i));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(cache.get(t));
        }
        return out;
    }
}
