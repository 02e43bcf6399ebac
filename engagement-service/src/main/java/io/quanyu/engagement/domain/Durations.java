package io.quanyu.engagement.domain;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/** ISO-8601 durations of the definitions, refused with the field's name when malformed or out of range. */
final class Durations {

    private Durations() {
    }

    static Duration parse(String field, String value, Duration max, boolean zeroAllowed) {
        Duration d;
        try {
            d = Duration.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            throw new Invalid(field + " must be an ISO-8601 duration such as PT30M or P7D, was '" + Text.shorten(value) + "'");
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed) || d.compareTo(max) > 0) {
            throw new Invalid(field + " must be " + (zeroAllowed ? "zero or more" : "above zero") + " and at most " + max.toDays() + " days");
        }
        return d;
    }
}
