package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Quiet hours over midnight and within a day, in the customer's zone. */
class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), SHANGHAI);

    @Test
    void aWindowOverMidnightEndsTheNextMorning() {
        Instant lateEvening = Instant.parse("2026-12-03T15:30:00Z"); // 23:30 in Shanghai
        assertThat(night.quietAt(lateEvening)).isTrue();
        assertThat(night.nextAllowed(lateEvening)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z")); // 08:00 the next day
        Instant early = Instant.parse("2026-12-03T23:00:00Z"); // 07:00 on the 4th
        assertThat(night.quietAt(early)).isTrue();
        assertThat(night.nextAllowed(early)).isEqualTo(Instant.parse("2026-12-04T00:00:00Z"));
    }

    @Test
    void outsideTheWindowIsAllowedAtOnceAndTheEndIsExclusive() {
        Instant noon = Instant.parse("2026-12-03T04:00:00Z");
        assertThat(night.quietAt(noon)).isFalse();
        assertThat(night.nextAllowed(noon)).isEqualTo(noon);
        assertThat(night.quietAt(Instant.parse("2026-12-04T00:00:00Z"))).isFalse();
        assertThat(night.quietAt(Instant.parse("2026-12-03T14:00:00Z"))).isTrue(); // 22:00 sharp
    }

    @Test
    void aWindowWithinADay() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(14, 0), ZoneId.of("UTC"));
        assertThat(lunch.quietAt(Instant.parse("2026-12-03T13:00:00Z"))).isTrue();
        assertThat(lunch.nextAllowed(Instant.parse("2026-12-03T13:00:00Z"))).isEqualTo(Instant.parse("2026-12-03T14:00:00Z"));
        assertThat(lunch.quietAt(Instant.parse("2026-12-03T11:59:59Z"))).isFalse();
        assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON, SHANGHAI).quietAt(Instant.parse("2026-12-03T04:00:00Z"))).isFalse();
    }
}
