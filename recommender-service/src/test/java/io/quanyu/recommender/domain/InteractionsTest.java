package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The interaction matrix: dictionaries, CSR/CSC agreement, aggregation, event weights, selection. */
class InteractionsTest {

    private static final Instant T = Fixtures.T0;

    @Test
    void indexesBothWaysInFirstSeenOrder() {
        Interactions m = Fixtures.pairs("alice:p1", "bob:p2", "alice:p3");
        assertThat(m.userCount()).isEqualTo(2);
        assertThat(m.itemCount()).isEqualTo(3);
        assertThat(m.userIndex("bob")).isEqualTo(1);
        assertThat(m.userId(1)).isEqualTo("bob");
        assertThat(m.itemIndex("p3")).isEqualTo(2);
        assertThat(m.itemId(2)).isEqualTo("p3");
        assertThat(m.userIndex("nobody")).isEqualTo(-1);
        assertThat(m.itemIndex("nothing")).isEqualTo(-1);
    }

    @Test
    void rowsAndColumnsAgree() {
        Interactions m = Fixtures.pairs("u1:c", "u1:a", "u2:a", "u3:b", "u3:a");
        int a = m.itemIndex("a");
        assertThat(m.itemDegree(a)).isEqualTo(3);
        for (int q = m.colStart(a); q < m.colEnd(a); q++) {
            assertThat(m.contains(m.userAt(q), a)).isTrue();
        }
        // Rows are sorted by item index, columns by user index.
        int u1 = m.userIndex("u1");
        assertThat(m.itemAt(m.rowStart(u1))).isLessThan(m.itemAt(m.rowStart(u1) + 1));
        assertThat(m.userAt(m.colStart(a))).isLessThan(m.userAt(m.colStart(a) + 1));
        assertThat(m.size()).isEqualTo(5);
    }

    @Test
    void repeatedEventsSumTheirWeightsAndKeepTheLatestTime() {
        Interactions m = Interactions.builder()
                .add("u", "p", 1, T)
                .add("u", "p", 3, T.plusSeconds(60))
                .add("u", "q", 5, T.plusSeconds(10))
                .build();
        int p = m.rowStart(0) + (m.itemAt(m.rowStart(0)) == m.itemIndex("p") ? 0 : 1);
        assertThat(m.weightAt(p)).isEqualTo(4);
        assertThat(m.epochSecondAt(p)).isEqualTo(T.getEpochSecond() + 60);
        assertThat(m.latestEpochSecond()).isEqualTo(T.getEpochSecond() + 60);
    }

    @Test
    void callerDefinedEventWeightsAndCancellingRefunds() {
        EventWeights w = EventWeights.builder().weight("product_view", 1).weight("add_to_cart", 3)
                .weight("purchase", 5).weight("refund", -5).valued("review", r -> r - 3).build();
        InteractionsBuilder b = Interactions.builder();
        w.event("u", "shoe", "product_view", 0, T).ifPresent(b::add);
        w.event("u", "shoe", "purchase", 0, T).ifPresent(b::add);
        w.event("u", "hat", "purchase", 0, T).ifPresent(b::add);
        w.event("u", "hat", "refund", 0, T).ifPresent(b::add);
        w.event("u", "bag", "review", 5, T).ifPresent(b::add);
        w.event("u", "sock", "page_view", 0, T).ifPresent(b::add); // no rule: ignored
        Interactions m = b.build();
        History h = m.history(0);
        assertThat(m.itemIndex("sock")).isEqualTo(-1);
        assertThat(m.contains(0, m.itemIndex("hat"))).as("refund cancels the purchase").isFalse();
        assertThat(weightOf(m, h, "shoe")).isEqualTo(6);
        assertThat(weightOf(m, h, "bag")).isEqualTo(2);
        assertThat(w.weight("page_view", 0)).isNaN();
    }

    @Test
    void catalogItemsWithoutEventsGetAnIndex() {
        Interactions m = Interactions.builder().item("new-product").add("u", "old", 1, T).build();
        assertThat(m.itemIndex("new-product")).isZero();
        assertThat(m.itemDegree(0)).isZero();
    }

    @Test
    void selectKeepsTheDictionaries() {
        Interactions m = Fixtures.pairs("u1:a", "u1:b", "u2:c");
        Interactions firstOnly = m.select(p -> p == 0);
        assertThat(firstOnly.size()).isEqualTo(1);
        assertThat(firstOnly.itemCount()).isEqualTo(3);
        assertThat(firstOnly.itemIndex("c")).isEqualTo(m.itemIndex("c"));
        assertThat(firstOnly.itemDegree(m.itemIndex("c"))).isZero();
    }

    @Test
    void historyDecaysByHalfLife() {
        Interactions m = Interactions.builder().add("u", "old", 1, T).add("u", "new", 1, T.plusSeconds(3600)).build();
        History h = m.history(0).decayed(java.time.Duration.ofHours(1), m.latestEpochSecond());
        assertThat(weightOf(m, h, "old")).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weightOf(m, h, "new")).isEqualTo(1);
    }

    @Test
    void rejectsNonFiniteWeights() {
        assertThatThrownBy(() -> Interactions.builder().add("u", "p", Double.NaN, T))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static double weightOf(Interactions m, History h, String item) {
        int i = m.itemIndex(item);
        for (int k = 0; k < h.size(); k++) {
            if (h.items()[k] == i) {
                return h.weights()[k];
            }
        }
        throw new AssertionError("no " + item + " in " + h);
    }
}
