package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Popularity by counts or weights, with decay and per category. */
class PopularityTest {

    private final Interactions data = Interactions.builder()
            .add("u1", "old-hit", 1, Fixtures.T0).add("u2", "old-hit", 1, Fixtures.T0)
            .add("u3", "old-hit", 1, Fixtures.T0)
            .add("u1", "new-hit", 1, Fixtures.T0.plus(Duration.ofDays(60)))
            .add("u2", "new-hit", 1, Fixtures.T0.plus(Duration.ofDays(60)))
            .add("u1", "book", 5, Fixtures.T0.plus(Duration.ofDays(60)))
            .build();

    private final Map<String, String> category = Map.of("old-hit", "music", "new-hit", "music", "book", "books");

    @Test
    void countsUsersOrWeights() {
        Popularity counts = Popularity.fit(data, Popularity.Config.COUNTS);
        assertThat(data.itemId(counts.top(1, null).getFirst().item())).isEqualTo("old-hit");
        Popularity weights = Popularity.fit(data, new Popularity.Config(true, null));
        assertThat(data.itemId(weights.top(1, null).getFirst().item())).isEqualTo("book");
    }

    @Test
    void decayFavoursWhatIsPopularNow() {
        Popularity decayed = Popularity.fit(data, new Popularity.Config(false, Duration.ofDays(14)));
        assertThat(decayed.top(3, null)).extracting(s -> data.itemId(s.item()))
                .containsExactly("new-hit", "book", "old-hit");
    }

    @Test
    void perCategory() {
        Popularity p = Popularity.fit(data, Popularity.Config.COUNTS);
        assertThat(p.topInCategory("books", i -> category.get(data.itemId(i)), 5, null))
                .extracting(s -> data.itemId(s.item())).containsExactly("book");
        Map<String, java.util.List<ScoredItem>> all = p.topPerCategory(i -> category.get(data.itemId(i)), 1);
        assertThat(all.keySet()).containsExactly("music", "books");
        assertThat(data.itemId(all.get("music").getFirst().item())).isEqualTo("old-hit");
    }
}
