package io.quanyu.chatbot.domain.ml;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Seeded stratified splits are reproducible, disjoint and keep label shares. */
class SplitsTest {

    @Test
    void stratifiedSplitIsSeededDisjointAndKeepsLabelShares() {
        List<LabelledText> data = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            data.add(new LabelledText("t" + i, i % 10 < 3 ? "a" : "b"));
        }
        Splits.Split s = Splits.stratified(data, 0.2, 42);
        assertThat(s.test()).hasSize(200);
        assertThat(s.test().stream().filter(x -> x.label().equals("a"))).hasSize(60);
        var train = new HashSet<>(s.train());
        assertThat(s.test()).noneMatch(train::contains);
        assertThat(Splits.stratified(data, 0.2, 42).test()).isEqualTo(s.test());
        assertThat(Splits.stratified(data, 0.2, 43).test()).isNotEqualTo(s.test());
    }
}
