package io.quanyu.forecast.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * ISO weeks in UTC as the forecasting grid: a week is its Monday, and period p is the p-th week since the one that
 * holds 1970-01-01, so consecutive weeks are consecutive integers whatever the year.
 */
public final class Weeks {

    private Weeks() {
    }

    /** The Monday of the ISO week (UTC) an instant falls in. */
    public static LocalDate weekOf(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    public static int period(LocalDate monday) {
        // 1969-12-29, the Monday before the epoch, is epoch day -3 and period 0
        return (int) Math.floorDiv(monday.toEpochDay() + 3, 7);
    }

    public static LocalDate monday(int period) {
        return LocalDate.ofEpochDay(7L * period - 3);
    }

    /** ISO week label, e.g. 2026-W07. */
    public static String label(LocalDate monday) {
        return String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    public static Instant start(LocalDate monday) {
        return monday.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
