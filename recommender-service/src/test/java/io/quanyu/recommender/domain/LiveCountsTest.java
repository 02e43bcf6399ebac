package io.quanyu.recommender.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cold-start counts: recency-weighted popularity, same-visit co-occurrence, and the rules of what is never returned. */
class LiveCountsTest {

    private static final long NOW = 1_800_000_000L;
    private static final Duration DAY = Duration.ofDays(1);

    private static LiveCounts.Row view(String user, String item, long secondsAgo) {
        return new LiveCounts.Row(user, item, 1, NOW - secondsAgo);
    }

    @Test
    void popularityCountsEachUserOnceAndFavoursRecentInteractions() {
        List<LiveCounts.Row> rows = List.of(
                // Three users a week ago, two users just now; one user viewing ten times is still one user.
                view("a", "old", 7 * 86_400), view("b", "old", 7 * 86_400), view("c", "old", 7 * 86_400),
                view("a", "new", 60), view("b", "new", 60),
                view("d", "spam", 10), view("d", "spam", 11), view("d", "spam", 12), view("d", "spam", 13));
        LiveCounts counts = LiveCounts.of(rows, DAY, NOW);
        assertThat(counts.popular(3, id -> true)).extracting(LiveCounts.Scored::itemId).containsExactly("new", "spam", "old");
        assertThat(counts.popular(3, id -> true).getFirst().score()).isEqualTo(1.0);
        assertThat(counts.popular(3, id -> true)).allSatisfy(s -> assertThat(s.source()).isEqualTo(Recommendation.Source.POPULARITY));
        // Without decay the week-old favourite of three wins.
        assertThat(LiveCounts.of(rows, Duration.ofDays(100_000), NOW).popular(1, id -> true).getFirst().itemId()).isEqualTo("old");
        assertThat(counts.popular(3, id -> !id.equals("new"))).extracting(LiveCounts.Scored::itemId).containsExactly("spam", "old");
    }

    @Test
    void aRefundedItemIsNotPopularWithItsBuyer() {
        LiveCounts counts = LiveCounts.of(List.of(new LiveCounts.Row("a", "x", 5, NOW - 100), new LiveCounts.Row("a", "x", -5, NOW - 50),
                view("b", "y", 100)), DAY, NOW);
        assertThat(counts.popular(5, id -> true)).extracting(LiveCounts.Scored::itemId).containsExactly("y");
    }

    @Test
    void itemsSeenInTheSameVisitAreRecommendedWithTheItemTheyWereSeenWith() {
        List<LiveCounts.Row> rows = List.of(
                view("a", "phone", 300), view("a", "case", 290), view("a", "charger", 280),
                view("b", "phone", 200), view("b", "case", 190),
                view("c", "phone", 100), view("c", "case", 90),
                view("d", "tea", 50), view("e", "tea", 40), view("f", "tea", 30), view("g", "tea", 20));
        LiveCounts counts = LiveCounts.of(rows, DAY, NOW);
        List<LiveCounts.Scored> recs = counts.recommend(Map.of("phone", 1.0), 3, id -> true);
        assertThat(recs).extracting(LiveCounts.Scored::itemId).containsExactly("case", "charger", "tea");
        assertThat(recs.get(0).source()).isEqualTo(Recommendation.Source.CO_OCCURRENCE);
        assertThat(recs.get(0).because()).isEqualTo("phone");
        assertThat(recs.get(0).score()).isEqualTo(1.0);
        assertThat(recs.get(1).score()).isBetween(0.0, 1.0);
        // Topped up by popularity once the co-occurring items run out, never the history item itself.
        assertThat(recs.get(2).source()).isEqualTo(Recommendation.Source.POPULARITY);
        assertThat(counts.recommend(Map.of("phone", 1.0, "case", 1.0), 10, id -> true)).extracting(LiveCounts.Scored::itemId)
                .doesNotContain("phone", "case").startsWith("charger");
        assertThat(counts.similar("case", 5, id -> true)).extracting(LiveCounts.Scored::itemId).containsExactly("phone", "charger");
        assertThat(counts.recommend(Map.of("phone", 1.0), 3, id -> !id.equals("case"))).extracting(LiveCounts.Scored::itemId)
                .containsExactly("charger", "tea");
    }

    @Test
    void aLongPauseEndsTheVisit() {
        LiveCounts counts = LiveCounts.of(List.of(view("a", "morning", 10_000), view("a", "evening", 10_000 - LiveCounts.SESSION_GAP_SECONDS - 1)),
                DAY, NOW);
        assertThat(counts.similar("morning", 5, id -> true)).isEmpty();
        LiveCounts sameVisit = LiveCounts.of(List.of(view("a", "morning", 10_000), view("a", "evening", 10_000 - LiveCounts.SESSION_GAP_SECONDS)),
                DAY, NOW);
        assertThat(sameVisit.similar("morning", 5, id -> true)).extracting(LiveCounts.Scored::itemId).containsExactly("evening");
    }

    @Test
    void aCrawlersVisitPairsOnlyItsLatestItems() {
        List<LiveCounts.Row> rows = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            rows.add(view("crawler", "p" + i, 1_000 - i));
        }
        LiveCounts counts = LiveCounts.of(rows, DAY, NOW);
        assertThat(counts.itemCount()).isEqualTo(1_000);
        assertThat(counts.similar("p999", 100, id -> true)).hasSize(LiveCounts.MAX_SESSION_ITEMS - 1);
        assertThat(counts.similar("p0", 100, id -> true)).isEmpty();
    }

    @Test
    void nothingCountedAnswersEmptyListsNotErrors() {
        assertThat(LiveCounts.EMPTY.isEmpty()).isTrue();
        assertThat(LiveCounts.EMPTY.popular(10, id -> true)).isEmpty();
        assertThat(LiveCounts.EMPTY.recommend(Map.of("x", 1.0), 10, id -> true)).isEmpty();
        assertThat(LiveCounts.EMPTY.knows("x")).isFalse();
    }
}
