package io.quanyu.ads.domain.performance;

import static org.assertj.core.api.Assertions.assertThat;

import io.quanyu.ads.domain.attribution.Credit;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RollupTest {

    private static final LocalDate D1 = LocalDate.of(2025, 3, 1);
    private static final LocalDate D2 = LocalDate.of(2025, 3, 2);

    private final List<PerformanceRow> rows = List.of(
            PerformanceRow.impression(D1, "c1", "a1", "search"),
            PerformanceRow.impression(D1, "c1", "a1", "search"),
            PerformanceRow.click(D1, "c1", "a1", "search", 500_000L),
            PerformanceRow.cost(D2, "c1", "a2", "social", 1_500_000L),
            PerformanceRow.impression(D2, "c2", "a3", "social"),
            PerformanceRow.credit(D2, new Credit("o1", "c1", "a1", "search", 0.5, 4_000_000L)));

    @Test
    void sumsByCampaign() {
        List<PerformanceSummary> byCampaign = Rollup.by(Grain.CAMPAIGN, rows);
        assertThat(byCampaign).hasSize(2);
        PerformanceSummary c1 = byCampaign.getFirst();
        assertThat(c1.key()).isEqualTo(Map.of(Grain.CAMPAIGN, "c1"));
        assertThat(c1.counters()).isEqualTo(new Counters(2, 1, 2_000_000L, 0.5, 4_000_000L));
        assertThat(c1.metrics().roas()).isEqualTo(2.0);
        assertThat(c1.metrics().roi()).isEqualTo(1.0);
        assertThat(c1.metrics().cvr()).isEqualTo(0.5);
        assertThat(byCampaign.get(1).counters()).isEqualTo(new Counters(1, 0, 0, 0, 0));
        assertThat(byCampaign.get(1).metrics().roi()).isNull();
    }

    @Test
    void sumsByChannelAdAndDayAndCombinations() {
        assertThat(Rollup.by(Grain.CHANNEL, rows)).extracting(s -> s.key().get(Grain.CHANNEL))
                .containsExactly("search", "social");
        assertThat(Rollup.by(Grain.AD, rows)).extracting(s -> s.counters().costMicros())
                .containsExactly(500_000L, 1_500_000L, 0L);
        List<PerformanceSummary> campaignDay = Rollup.by(List.of(Grain.CAMPAIGN, Grain.DAY), rows);
        assertThat(campaignDay).extracting(PerformanceSummary::key).containsExactly(
                Map.of(Grain.CAMPAIGN, "c1", Grain.DAY, "2025-03-01"),
                Map.of(Grain.CAMPAIGN, "c1", Grain.DAY, "2025-03-02"),
                Map.of(Grain.CAMPAIGN, "c2", Grain.DAY, "2025-03-02"));
        // The credit is dated by the purchase day, not the click day.
        assertThat(campaignDay.get(1).counters().revenueMicros()).isEqualTo(4_000_000L);
    }

    @Test
    void totalsAndEmptyInput() {
        assertThat(Rollup.total(rows)).isEqualTo(new Counters(3, 1, 2_000_000L, 0.5, 4_000_000L));
        assertThat(Rollup.by(List.of(), rows)).singleElement()
                .satisfies(s -> assertThat(s.counters()).isEqualTo(Rollup.total(rows)));
        assertThat(Rollup.by(Grain.DAY, List.of())).isEmpty();
        assertThat(Rollup.total(List.of())).isEqualTo(Counters.ZERO);
    }

    @Test
    void datesEventsInTheReportingZone() {
        Instant lateUtc = Instant.parse("2025-03-01T20:00:00Z");
        assertThat(PerformanceRow.day(lateUtc, ZoneId.of("UTC"))).isEqualTo(D1);
        assertThat(PerformanceRow.day(lateUtc, ZoneId.of("Asia/Shanghai"))).isEqualTo(D2);
    }
}
