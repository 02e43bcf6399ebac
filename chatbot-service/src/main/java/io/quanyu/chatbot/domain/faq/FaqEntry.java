package io.quanyu.chatbot.domain.faq;

import java.util.Objects;

/** A question/answer pair of the knowledge base; language is "zh" or "en" (informative, retrieval is bilingual). */
public record FaqEntry(String id, String question, String answer, String language) {

    public FaqEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
    }
}
