package io.quanyu.chatbot.domain.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Forward, backward and bidirectional maximum matching on known textbook cases. */
class MaximumMatchingSegmenterTest {

    private static List<String> words(List<Token> tokens) {
        return tokens.stream().map(Token::text).toList();
    }

    @Test
    void backwardMatchingFixesTheClassicForwardError() {
        MaximumMatchingSegmenter mm = MaximumMatchingSegmenter.withJiebaDictionary();
        assertThat(words(mm.forward("研究生命起源"))).containsExactly("研究生", "命", "起源");
        assertThat(words(mm.backward("研究生命起源"))).containsExactly("研究", "生命", "起源");
        assertThat(words(mm.segment("研究生命起源"))).containsExactly("研究", "生命", "起源");
    }

    @Test
    void prefersTheReadingWithFewerSingleCharacters() {
        MaximumMatchingSegmenter mm = new MaximumMatchingSegmenter(Set.of("结婚", "的", "和尚", "尚未", "和")::contains, 2);
        assertThat(words(mm.forward("结婚的和尚未结婚的"))).containsExactly("结婚", "的", "和尚", "未", "结婚", "的");
        assertThat(words(mm.backward("结婚的和尚未结婚的"))).containsExactly("结婚", "的", "和", "尚未", "结婚", "的");
        // Same number of words and of single characters: the backward reading wins.
        assertThat(words(mm.segment("结婚的和尚未结婚的"))).containsExactly("结婚", "的", "和", "尚未", "结婚", "的");
    }

    @Test
    void fewerWordsWinOverBackwardDefault() {
        MaximumMatchingSegmenter mm = new MaximumMatchingSegmenter(Set.of("abc", "cd", "d")::contains, 3);
        // forward: abc|d (2 words); backward: a|b|cd (3 words).
        assertThat(words(mm.backward("abcd"))).containsExactly("a", "b", "cd");
        assertThat(words(mm.segment("abcd"))).containsExactly("abc", "d");
    }

    @Test
    void spansSkipWhitespaceAndKeepSurrogatePairs() {
        MaximumMatchingSegmenter mm = new MaximumMatchingSegmenter(Set.of("订单")::contains, 4);
        String text = "订单 😀好";
        List<Token> tokens = mm.segment(text);
        assertThat(words(tokens)).containsExactly("订单", "😀", "好");
        assertThat(tokens).allSatisfy(t -> assertThat(text.substring(t.start(), t.end())).isEqualTo(t.text()));
    }
}
