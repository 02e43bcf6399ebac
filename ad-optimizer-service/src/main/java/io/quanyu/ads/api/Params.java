package io.quanyu.ads.api;

import io.quanyu.ads.domain.attribution.AttributionModel;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses query parameters and ids, refusing anything malformed with a 400 and a code naming the parameter. */
final class Params {

    /** Ids as the platforms use them and as they can appear in a URL path: no spaces, slashes, '?', '#', '%' or control characters. */
    static final Pattern ID = Pattern.compile("[^\\s/?#%\\\\\\p{Cntrl}]{1,128}");

    /** An inclusive range of reporting days. */
    record Range(LocalDate from, LocalDate to) {
    }

    private Params() {
    }

    /** from/to (YYYY-MM-DD, inclusive); defaults to the last 30 days ending today in the reporting zone. */
    static Range range(String from, String to, ZoneId zone, int maxDays) {
        LocalDate end = date("to", to, LocalDate.now(zone));
        LocalDate start = date("from", from, end.minusDays(29));
        if (start.isAfter(end)) {
            throw Rejected.badRequest("invalid_range", "from (" + start + ") is after to (" + end + ")");
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            throw Rejected.badRequest("range_too_long", "at most " + maxDays + " days per request, asked for " + (ChronoUnit.DAYS.between(start, end) + 1));
        }
        return new Range(start, end);
    }

    static LocalDate date(String name, String value, LocalDate absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw Rejected.badRequest("invalid_date", name + " must be a date YYYY-MM-DD, was '" + shorten(value) + "'");
        }
    }

    /** last_touch (default) or linear. */
    static AttributionModel model(String value) {
        if (value == null || value.isBlank()) {
            return AttributionModel.LAST_TOUCH;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "last_touch" -> AttributionModel.LAST_TOUCH;
            case "linear" -> AttributionModel.LINEAR;
            default -> throw Rejected.badRequest("invalid_model", "model must be last_touch or linear, was '" + shorten(value) + "'");
        };
    }

    static int integer(String name, String value, int absent, int min, int max) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Rejected.badRequest("invalid_" + name, name + " must be an integer from " + min + " to " + max + ", was '" + shorten(value) + "'");
    }

    /** A number in (minExclusive, maxExclusive) or [min, max] when inclusive. */
    static double number(String name, String value, double absent, double min, double max, boolean inclusive) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            double v = Double.parseDouble(value.trim());
            if (Double.isFinite(v) && (inclusive ? v >= min && v <= max : v > min && v < max)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw Rejected.badRequest("invalid_" + name, name + " must be a number " + (inclusive ? "from " + min + " to " + max : "between " + min + " and " + max
                + " (exclusive)") + ", was '" + shorten(value) + "'");
    }

    /** A required id. */
    static String id(String name, String value) {
        if (value == null || value.isBlank()) {
            throw Rejected.badRequest("invalid_" + name, name + " is required");
        }
        if (!ID.matcher(value.trim()).matches()) {
            throw Rejected.badRequest("invalid_" + name, name + " must be 1 to 128 characters without spaces, '/', '?', '#', '%' or control characters");
        }
        return value.trim();
    }

    /** One of the allowed words (case-insensitive), or the default when absent. */
    static String choice(String name, String value, String absent, String... allowed) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (String a : allowed) {
            if (a.equals(v)) {
                return a;
            }
        }
        throw Rejected.badRequest("invalid_" + name, name + " must be one of " + String.join(", ", allowed) + ", was '" + shorten(value) + "'");
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
