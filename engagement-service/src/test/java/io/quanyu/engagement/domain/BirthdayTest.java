package io.quanyu.engagement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import org.junit.jupiter.api.Test;

/** Birthday traits in their forms, and 29 February on a year without it. */
class BirthdayTest {

    @Test
    void theFormsOfTheTrait() {
        assertThat(Birthday.parse("1990-05-17")).contains(MonthDay.of(5, 17));
        assertThat(Birthday.parse("05-17")).contains(MonthDay.of(5, 17));
        assertThat(Birthday.parse(" --12-01 ")).contains(MonthDay.of(12, 1));
        assertThat(Birthday.parse("1990-02-30")).isEmpty();
        assertThat(Birthday.parse("13-01")).isEmpty();
        assertThat(Birthday.parse("May 17")).isEmpty();
        assertThat(Birthday.parse(null)).isEmpty();
        assertThat(Birthday.key(MonthDay.of(2, 9))).isEqualTo("02-09");
    }

    @Test
    void leapDayBirthdaysAreCelebratedOnThe28thInOtherYears() {
        assertThat(Birthday.celebratedOn(LocalDate.of(2027, 2, 28))).containsExactly(MonthDay.of(2, 28), MonthDay.of(2, 29));
        assertThat(Birthday.celebratedOn(LocalDate.of(2028, 2, 28))).containsExactly(MonthDay.of(2, 28));
        assertThat(Birthday.celebratedOn(LocalDate.of(2028, 2, 29))).containsExactly(MonthDay.of(2, 29));
    }
}
