package io.quanyu.chatbot.domain.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Chinese, English, mixed, other languages, gibberish and letter-less input. */
class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void chineseAndEnglish() {
        assertThat(detector.detect("我想查询订单状态").language()).isEqualTo(Language.ZH);
        assertThat(detector.detect("Where is my order? It was due yesterday.").language()).isEqualTo(Language.EN);
        assertThat(detector.detect("我想买iPhone 15两台").language()).isIn(Language.ZH, Language.MIXED);
    }

    @Test
    void mixedScriptsNameTheDominantLanguage() {
        LanguageGuess zhFirst = detector.detect("这个 order 什么时候 ship");
        assertThat(zhFirst.language()).isEqualTo(Language.MIXED);
        assertThat(zhFirst.dominant()).isEqualTo(Language.ZH);
        LanguageGuess enFirst = detector.detect("can you check the status of my 订单 please");
        assertThat(enFirst.language()).isEqualTo(Language.MIXED);
        assertThat(enFirst.dominant()).isEqualTo(Language.EN);
    }

    @Test
    void keyboardMashingIsGibberishNotEnglish() {
        LanguageGuess g = detector.detect("asdfgh qwerty zxcvbn");
        assertThat(g.gibberish()).isTrue();
        assertThat(g.supported()).isFalse();
        assertThat(detector.detect("sdkfjh wqeoiru zmxncb qpwoei lkjasd").gibberish()).isTrue();
    }

    @Test
    void otherLanguagesAreOtherNotGibberish() {
        LanguageGuess fr = detector.detect("Bonjour, je voudrais annuler ma commande s'il vous plaît");
        assertThat(fr.language()).isEqualTo(Language.OTHER);
        assertThat(fr.gibberish()).isFalse();
        assertThat(detector.detect("Здравствуйте, где мой заказ").language()).isEqualTo(Language.OTHER);
        assertThat(detector.detect("注文はどこですか").language()).isEqualTo(Language.OTHER);
    }

    @Test
    void noLettersIsUnknownButNotGibberish() {
        for (String s : new String[] {"", "   ", "😀😀👍", "12345 !!!", null}) {
            LanguageGuess g = detector.detect(s);
            assertThat(g.language()).as(String.valueOf(s)).isEqualTo(Language.UNKNOWN);
            assertThat(g.gibberish()).isFalse();
        }
    }
}
