package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** TF-IDF content model on hand-made product texts; the tokenizer has its own test. */
class ContentModelTest {

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
    void chineseWordsMatchAcrossDifferentlyWordedTitles() {
        Interactions data = catalog("earbuds", "headphones", "rice");
        List<String> texts = List.of("无线蓝牙耳机 降噪", "头戴式蓝牙耳机", "东北大米 五公斤");
        ContentModel m = ContentModel.fit(data, texts::get);
        assertThat(m.similar(0, 2).getFirst().item()).isEqualTo(1);
        assertThat(m.similarity(0, 2)).isZero();
        ContentModel.Profile p = m.profile(History.of(new int[] {0}, new double[] {1}));
        assertThat(m.sharedTerms(p, 1, 10)).contains("蓝牙", "耳机");
    }

    @Test
    void mixedLanguageTitlesMatchOnBothTheBrandAndTheChineseWords() {
        Interactions data = catalog("sony-zh", "sony-en", "bose-zh", "sony-tv");
        List<String> texts = List.of("Sony 无线降噪耳机 黑色", "Sony wireless noise-cancelling headphones",
                "Bose 无线降噪耳机", "Sony 电视机 55寸");
        ContentModel m = ContentModel.fit(data, texts::get);
        // Both other earphones share 无线/降噪/耳机 with the first; only one also shares the brand.
        assertThat(m.similarity(0, 1)).isGreaterThan(0);
        assertThat(m.similarity(0, 2)).isGreaterThan(m.similarity(0, 1));
        assertThat(m.similarity(0, 2)).isGreaterThan(m.similarity(0, 3));
        ContentModel.Profile p = m.profile(History.of(new int[] {0}, new double[] {1}));
        assertThat(m.sharedTerms(p, 2, 10)).contains("降噪", "耳机").doesNotContain("sony");
        assertThat(m.sharedTerms(p, 3, 10)).contains("sony");
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
