package io.quanyu.chatbot.domain;

import io.quanyu.chatbot.domain.entity.Catalog;
import io.quanyu.chatbot.domain.entity.CatalogProduct;
import io.quanyu.chatbot.domain.entity.EntityType;
import io.quanyu.chatbot.domain.sentiment.Polarity;
import io.quanyu.chatbot.domain.text.Language;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The whole turn analysis, including the inputs a public chat endpoint will be sent. */
class ChatbotNlpTest {

    private static final LocalDate TODAY = LocalDate.of(2024, 11, 20);
    private static final ChatbotNlp NLP = ChatbotNlp.fromSeeds()
            .withCatalog(Catalog.of(List.of(new CatalogProduct("p-band8", "SKU-1001", "小米手环8", List.of("Mi Band 8")))));

    @Test
    void aChineseTurnEndToEnd() {
        String text = "我的订单DD20231120昨天还没到，太慢了";
        TurnAnalysis a = NLP.analyze(text, TODAY);
        assertThat(a.language().language()).isEqualTo(Language.ZH);
        assertThat(a.intent().intent()).isIn("order_status", "delivery_time");
        assertThat(a.entities()).extracting(e -> e.type()).contains(EntityType.ORDER_NUMBER, EntityType.DATE);
        assertThat(a.sentiment().polarity()).isEqualTo(Polarity.NEGATIVE);
        assertThat(a.tokens()).allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
        assertThat(a.truncated()).isFalse();
    }

    @Test
    void catalogNamesSegmentWhole() {
        TurnAnalysis a = NLP.analyze("小米手环8还有货吗", TODAY);
        assertThat(a.tokens().getFirst().text()).isEqualTo("小米手环8");
        assertThat(a.entities()).anyMatch(e -> e.type() == EntityType.PRODUCT && e.value().equals("p-band8"));
    }

    @Test
    void awkwardInputsGetAClearAnswerInBoundedTime() {
        String[] inputs = {"", "   ", null, "😀😀😀", "asdfgh qwerty zxcvbn", "Bonjour, je voudrais annuler ma commande s'il vous plaît",
            "我想 cancel 我的 order DD20231120 😀 please", "\u0000\u0007\uFFFF", "\uD83D", "订单".repeat(51_200),
            "a".repeat(102_400), "I want a refund! ".repeat(6_000)};
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            for (String s : inputs) {
                TurnAnalysis a = NLP.analyze(s, TODAY);
                assertThat(a.intent()).as(String.valueOf(s)).isNotNull();
                assertThat(a.intent().outOfScope() || a.intent().confidence() > 0).isTrue();
                assertThat(a.sentiment()).isNotNull();
                if (s != null && s.length() > 50_000) {
                    assertThat(a.truncated()).isTrue();
                }
            }
        });
        assertThat(NLP.analyze("asdfgh qwerty zxcvbn", TODAY).intent().reason()).isEqualTo("gibberish");
        assertThat(NLP.analyze("", TODAY).intent().reason()).isEqualTo("empty");
        assertThat(NLP.analyze("Bonjour, je voudrais annuler ma commande s'il vous plaît", TODAY).intent().reason())
                .isEqualTo("unsupported language");
        assertThat(NLP.analyze("我想 cancel 我的 order please", TODAY).language().language()).isEqualTo(Language.MIXED);
    }

    @Test
    void aTurnTakesMillisecondsOnceWarm() {
        for (int i = 0; i < 50; i++) {
            NLP.analyze("我的订单DD20231120什么时候到？", TODAY);
        }
        long start = System.nanoTime();
        int n = 100;
        for (int i = 0; i < n; i++) {
            NLP.analyze(i % 2 == 0 ? "我的订单DD20231120什么时候到？" : "Where is my order 123456789? It was due yesterday.", TODAY);
        }
        double msPerTurn = (System.nanoTime() - start) / 1e6 / n;
        assertThat(msPerTurn).isLessThan(20);
    }
}
