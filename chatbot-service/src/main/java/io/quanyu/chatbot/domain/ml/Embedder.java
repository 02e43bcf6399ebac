package io.quanyu.chatbot.domain.ml;

import java.util.List;

/** Turns texts into fixed-size dense vectors (sentence embeddings). */
public interface Embedder {

    /** A stable name, stored with models trained on these embeddings. */
    String id();

    int dimension();

    float[] embed(String text);

    default List<float[]> embedAll(List<String> texts) {
        return texts.stream().map(this::embed).toList();
    }
}
