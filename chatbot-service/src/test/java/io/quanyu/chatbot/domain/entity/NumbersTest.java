package io.quanyu.chatbot.domain.entity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese numerals, English number words and digits. */
class NumbersTest {

    @Test
    void readsChineseNumerals() {
        assertThat(Numbers.parse("三")).isEqualTo(3);
        assertThat(Numbers.parse("两")).isEqualTo(2);
        assertThat(Numbers.parse("十二")).isEqualTo(12);
        assertThat(Numbers.parse("二十三")).isEqualTo(23);
        assertThat(Numbers.parse("两百三十")).isEqualTo(230);
        assertThat(Numbers.parse("一万二千")).isEqualTo(12000);
        assertThat(Numbers.parse("二〇二三")).isEqualTo(2023);
    }

    @Test
    void readsEnglishWordsAndDigits() {
        assertThat(Numbers.parse("two")).isEqualTo(2);
        assertThat(Numbers.parse("Twenty-one")).isEqualTo(21);
        assertThat(Numbers.parse("a dozen")).isEqualTo(12);
        assertThat(Numbers.parse("42")).isEqualTo(42);
        assertThat(Numbers.parse("banana")).isEqualTo(-1);
        assertThat(Numbers.parse("")).isEqualTo(-1);
    }
}
