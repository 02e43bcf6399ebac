package io.quanyu.chatbot.domain.faq;

import io.quanyu.chatbot.domain.SeedData;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bilingual BM25 retrieval over the seed FAQ and its coverage score. */
class FaqIndexTest {

    private static final FaqIndex INDEX = FaqIndex.build(SeedData.faq());

    @Test
    void findsTheMatchingQuestionInEitherLanguage() {
        assertThat(INDEX.search("退款几天能到账", 1).getFirst().entry().id()).isEqualTo("refund-time-zh");
        assertThat(INDEX.search("how long until my refund arrives", 1).getFirst().entry().id()).isEqualTo("refund-time-en");
        assertThat(INDEX.search("发票怎么开", 1).getFirst().entry().id()).isEqualTo("invoice-zh");
        assertThat(INDEX.search("which payment methods are accepted", 1).getFirst().entry().id()).isEqualTo("payment-methods-en");
    }

    @Test
    void coverageSeparatesGoodFromPartialMatches() {
        FaqHit good = INDEX.search("What is your return policy?", 1).getFirst();
        assertThat(good.coverage()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        List<FaqHit> weak = INDEX.search("what is the policy on pets in the hotel lobby", 3);
        assertThat(weak).allSatisfy(h -> assertThat(h.coverage()).isLessThan(0.5));
        assertThat(INDEX.best("what is the policy on pets in the hotel lobby", 0.5)).isEmpty();
    }

    @Test
    void emptyAndUnrelatedQueriesFindNothing() {
        assertThat(INDEX.search("", 3)).isEmpty();
        assertThat(INDEX.search("zzzz", 3)).isEmpty();
        assertThat(FaqIndex.build(List.of()).search("refund", 3)).isEmpty();
        assertThat(INDEX.search("退款".repeat(50_000), 1)).hasSize(1);
    }
}
