package io.quanyu.chatbot.domain.ml;

import java.util.Objects;

/** One training or test example: a text and its label (an intent, a sentiment class, ...). */
public record LabelledText(String text, String label) {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
