package io.quanyu.engagement.domain;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Birthdays as identify traits give them ({@code 1990-05-17}, {@code 05-17} or {@code --05-17}), and whose birthday a day is. */
public final class Birthday {

    /** The identify trait. */
    public static final String TRAIT = "birthday";

    private static final Pattern FORM = Pattern.compile("(?:\\d{4}-|--)?(\\d{2})-(\\d{2})");

    private Birthday() {
    }

    /** The month and day of a trait value; empty when it is not a date of one of the forms. */
    public static Optional<MonthDay> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The birthdays celebrated on a date: its own, and 29 February on the 28th of a year without one. */
    public static List<MonthDay> celebratedOn(LocalDate date) {
        MonthDay today = MonthDay.from(date);
        if (today.equals(MonthDay.of(2, 28)) && !Year.isLeap(date.getYear())) {
            return List.of(today, MonthDay.of(2, 29));
        }
        return List.of(today);
    }

    /** The stored form, {@code MM-DD}. */
    public static String key(MonthDay d) {
        return "%02d-%02d".formatted(d.getMonthValue(), d.getDayOfMonth());
    }
}
