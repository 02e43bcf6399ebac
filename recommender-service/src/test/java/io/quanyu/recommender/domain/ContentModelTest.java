package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TF-IDF content model and the English/Chinese tokenizer on hand-made product texts. */
class ContentModelTest {

    @Test
    void tokenizerLowercasesDropsStopWordsAndSplitsCjkIntoUnigramsAndBigrams() {
        assertThat(TextTokenizer.tokens("The Best Trail-Running Shoes of 2025!"))
                .containsExactly("best", "trail", "running", "shoes", "2025");
        assertThat(TextTokenizer.tokens("蓝牙耳机")).containsExactly("蓝", "蓝牙", "牙", "牙耳", "耳", "耳机", "机");
        assertThat(TextTokenizer.tokens("华为Mate手机的壳")).containsExactly("华", "华为", "为", "mate", "手", "手机",
                "机", "机的", "的壳", "壳");
        assertThat(TextTokenizer.tokens("ＡＢＣ１２３")).containsExactly("abc123"); // full-width folded by NFKC
    }

    @Test
    void itemWithSharedRareTermsRanksFirst() {
        Interactions data = catalog("a", "b", "c", "d");
        List<String> texts = List.of(
                "waterproof hiking jacket with gore-tex membrane",
                "hiking socks wool",
                "gore-tex membrane hiking boots",
                "hiking hat cotton");
        ContentModel m = ContentModel.fit(data, texts::get);
        List<ScoredItem> similar = m.similar(0, 3);
        assertThat(similar.getFirst().item()).isEqualTo(2);
        assertThat(similar.getFirst().score()).isGreaterThan(similar.get(1).score());
        assertThat(m.similarity(0, 0)).isCloseTo(1, within(1e-6));
    }

    @Test
    void chineseBigramsMatch() {
        Interactions data = catalog("earbuds", "headphones", "rice");
        List<String> texts = List.of("无线蓝牙耳机 降噪", "头戴式蓝牙耳机", "东北大米 五公斤");
        ContentModel m = ContentModel.fit(data, texts::get);
        assertThat(m.similar(0, 2).getFirst().item()).isEqualTo(1);
        assertThat(m.similarity(0, 2)).isZero();
        ContentModel.Profile p = m.profile(History.of(new int[] {0}, new double[] {1}));
        assertThat(m.sharedTerms(p, 1, 10)).contains("蓝牙", "耳机");
    }

    @Test
    void userProfileIsAWeightedSumAndReachesItemsWithoutInteractions() {
        Interactions data = Interactions.builder().item("new-tent").add("u", "tent", 1, Fixtures.T0)
                .add("u", "novel", 0.1, Fixtures.T0).build();
        List<String> texts = List.of("ultralight camping tent two person", "ultralight tent for camping",
                "paperback novel");
        ContentModel m = ContentModel.fit(data, i -> texts.get(i));
        double[] s = new double[data.itemCount()];
        m.score(0, s);
        assertThat(s[data.itemIndex("new-tent")]).isGreaterThan(0.5);
        ContentModel.Profile p = m.profile(data.history(0));
        assertThat(m.topTerms(p, 3)).doesNotContain("novel");
    }

    private static Interactions catalog(String... ids) {
        InteractionsBuilder b = Interactions.builder();
        for (String id : ids) {
            b.item(id);
        }
        return b.user("nobody").build();
    }
}
