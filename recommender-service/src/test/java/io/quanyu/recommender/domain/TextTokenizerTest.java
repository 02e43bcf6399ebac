package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.recommender.domain.TextTokenizer.Chinese;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The English and Chinese tokenizer of the content model, on hand-made product texts. */
class TextTokenizerTest {

    @Test
    void englishIsLowercasedAndSplitIntoWordsWithoutStopWordsOrPunctuation() {
        assertThat(TextTokenizer.tokens("Wireless earbuds, noise-cancelling"))
                .containsExactly("wireless", "earbuds", "noise", "cancelling");
        assertThat(TextTokenizer.tokens("The Best Trail-Running Shoes of 2025!"))
                .containsExactly("best", "trail", "running", "shoes", "2025");
        // NFKC folds full-width letters and digits to ASCII; OpenNLP's tokenizer splits letters from digits.
        assertThat(TextTokenizer.tokens("ＡＢＣ１２３")).containsExactly("abc", "123");
        assertThat(TextTokenizer.tokens("a I x 7")).isEmpty();
        assertThat(TextTokenizer.tokens(null)).isEmpty();
        assertThat(TextTokenizer.tokens("")).isEmpty();
    }

    @Test
    void chineseIsSegmentedIntoDictionaryWordsEachFollowedByItsCharacters() {
        assertThat(TextTokenizer.tokens("蓝牙耳机")).containsExactly("蓝牙", "蓝", "牙", "耳机", "耳", "机");
        // The bigram across the word boundary, which the dictionary-free cut produces, is gone.
        assertThat(TextTokenizer.tokens("蓝牙耳机", Chinese.BIGRAMS)).contains("牙耳");
        assertThat(TextTokenizer.tokens("蓝牙耳机")).doesNotContain("牙耳");
        assertThat(TextTokenizer.tokens("无线降噪蓝牙耳机")).contains("无线", "降噪", "蓝牙", "耳机");
    }

    @Test
    void mixedTextIsCutAtScriptChangesAndDropsChineseFunctionCharacters() {
        List<String> tokens = TextTokenizer.tokens("华为Mate手机的壳，Type-C接口");
        assertThat(tokens).contains("华为", "mate", "手机", "壳", "type", "接口");
        assertThat(tokens).doesNotContain("的", "为mate", "c");
        assertThat(tokens.indexOf("华为")).isLessThan(tokens.indexOf("mate"));
        assertThat(tokens.indexOf("mate")).isLessThan(tokens.indexOf("手机"));
    }

    @Test
    void kanaAndHangulFallBackToCharactersAndPairs() {
        assertThat(TextTokenizer.tokens("カメラ")).containsExactly("カ", "カメ", "メ", "メラ", "ラ");
        assertThat(TextTokenizer.tokens("한국어")).containsExactly("한", "한국", "국", "국어", "어");
        // Han outside the BMP (two UTF-16 units each) stays whole instead of coming back as surrogate halves.
        assertThat(TextTokenizer.tokens("𠀀𠀁")).containsExactly("𠀀", "𠀀𠀁", "𠀁");
        assertThat(TextTokenizer.tokens("手机𠀀")).contains("手机", "𠀀");
    }

    @Test
    void bigramModeKeepsTheDictionaryFreeCut() {
        assertThat(TextTokenizer.tokens("蓝牙耳机", Chinese.BIGRAMS))
                .containsExactly("蓝", "蓝牙", "牙", "牙耳", "耳", "耳机", "机");
        assertThat(TextTokenizer.tokens("手机的壳", Chinese.BIGRAMS))
                .containsExactly("手", "手机", "机", "机的", "的壳", "壳");
    }

    @Test
    void theSharedSegmenterGivesTheSameTokensFromManyThreads() throws Exception {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            texts.add("第" + i + "款无线蓝牙耳机，降噪效果很好，华为手机 wireless earbuds " + i);
        }
        List<List<String>> expected = texts.stream().map(TextTokenizer::tokens).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<List<List<String>>>> runs = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> texts.stream().map(TextTokenizer::tokens).toList()));
            }
            for (Future<List<List<String>>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        }
    }
}
