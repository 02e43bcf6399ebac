package io.quanyu.chatbot.domain.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Script-aware tokenization: OpenNLP English tokens with POS, Chinese runs by jieba, offsets into the original. */
class TokenizerTest {

    private static final Tokenizer TOKENIZER = Tokenizer.standard();

    @Test
    void englishTokensCarryOffsetsAndUniversalPosTags() {
        String text = "I'd like to return 3 pairs of shoes.";
        List<Token> tokens = TOKENIZER.tokenize(text);
        assertThat(tokens).allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
        Token shoes = tokens.stream().filter(t -> t.text().equals("shoes")).findFirst().orElseThrow();
        assertThat(shoes.pos()).isEqualTo("NOUN");
        Token three = tokens.stream().filter(t -> t.text().equals("3")).findFirst().orElseThrow();
        assertThat(three.pos()).isEqualTo("NUM");
    }

    @Test
    void mixedTextSplitsByScriptAndKeepsOffsets() {
        String text = "Hello 我想查询订单 DD20231120 please, 谢谢😀";
        List<Token> tokens = TOKENIZER.tokenize(text);
        assertThat(tokens.stream().map(Token::text)).contains("Hello", "查询", "订单", "DD20231120", "please", "谢谢");
        assertThat(tokens).allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
        for (int i = 1; i < tokens.size(); i++) {
            assertThat(tokens.get(i).start()).isGreaterThanOrEqualTo(tokens.get(i - 1).end());
        }
    }

    @Test
    void longInputIsCappedAndEmptyInputHasNoTokens() {
        assertThat(TOKENIZER.tokenize("")).isEmpty();
        assertThat(TOKENIZER.tokenize(null)).isEmpty();
        List<Token> tokens = TOKENIZER.tokenize("订单".repeat(50_000));
        assertThat(tokens).isNotEmpty();
        assertThat(tokens.getLast().end()).isLessThanOrEqualTo(TextNormalizer.MAX_CHARS);
    }
}
