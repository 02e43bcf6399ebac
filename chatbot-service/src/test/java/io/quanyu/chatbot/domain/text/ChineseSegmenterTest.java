package io.quanyu.chatbot.domain.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** jieba segmentation with original-text offsets, and catalog terms kept whole by maximum matching. */
class ChineseSegmenterTest {

    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter();

    private static List<String> words(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    @Test
    void segmentsAServiceRequestIntoDictionaryWords() {
        List<Token> tokens = SEGMENTER.segment("我想查询订单状态");
        assertThat(words(tokens)).containsSubsequence("查询", "订单", "状态");
    }

    @Test
    void everyTokenIsTheOriginalSubstringEvenWithFullWidthAndEmoji() {
        String text = "我买了ＩＰｈｏｎｅ１５，订单号DD20231120😀到了吗？";
        List<Token> tokens = SEGMENTER.segment(text);
        assertThat(tokens).isNotEmpty().allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
        assertThat(words(tokens)).contains("😀", "DD20231120");
    }

    @Test
    void domainTermsFoundByMaximumMatchingStayWhole() {
        assertThat(words(SEGMENTER.segment("小米手环8怎么样"))).doesNotContain("小米手环8");
        ChineseSegmenter withCatalog = SEGMENTER.withDomainTerms(List.of("小米手环8", "Mi Band 8"));
        List<Token> tokens = withCatalog.segment("请问小米手环8怎么样");
        assertThat(words(tokens)).contains("小米手环8", "怎么样");
        Token band = tokens.stream().filter(t -> t.text().equals("小米手环8")).findFirst().orElseThrow();
        assertThat(band.start()).isEqualTo(2);
        assertThat(band.pos()).isEqualTo("nz");
    }

    @Test
    void tagsWordsWithTheDictionaryPartOfSpeech() {
        Token order = SEGMENTER.segment("查询订单").stream().filter(t -> t.text().equals("订单")).findFirst().orElseThrow();
        assertThat(order.pos()).isEqualTo("n");
    }
}
