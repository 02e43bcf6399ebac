package io.quanyu.chatbot.domain.faq;

/**
 * A retrieved entry: its BM25 score and coverage, the share (0..1, IDF-weighted) of the query's terms that
 * the entry's question contains; coverage is comparable across queries, the raw score is not.
 */
public record FaqHit(FaqEntry entry, double score, double coverage) {
}
