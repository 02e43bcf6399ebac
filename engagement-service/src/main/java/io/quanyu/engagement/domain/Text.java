package io.quanyu.engagement.domain;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks shared by the definitions: ids, names and word lists, each refused with a reason. */
public final class Text {

    /** Ids: 1 to 128 characters without spaces, '/', '?', '#', '%' or control characters. */
    public static final Pattern ID = Pattern.compile("[^\\s/?#%\\p{Cntrl}]{1,128}");
    /** The channels an action can go to, as events name them. */
    public static final List<String> CHANNELS = List.of("web", "app", "miniprogram", "store");

    private Text() {
    }

    public static String id(String field, String value) {
        if (value == null || !ID.matcher(value.trim()).matches()) {
            throw new Invalid(field + " must be 1 to 128 characters without spaces, '/', '?', '#', '%' or control characters");
        }
        return value.trim();
    }

    public static String name(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new Invalid(field + " has more than " + max + " characters");
        }
        return value;
    }

    /** Trimmed, de-duplicated, non-blank words. */
    public static List<String> words(String field, List<String> values, int maxLength, int maxCount) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > maxCount) {
            throw new Invalid(field + " has more than " + maxCount + " entries");
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank() || v.trim().length() > maxLength) {
                throw new Invalid(field + " entries must be non-blank and at most " + maxLength + " characters");
            }
            out.add(v.trim());
        }
        return List.copyOf(out);
    }

    /** Channel names, lower-cased, each one of {@link #CHANNELS}. */
    public static List<String> channels(String field, List<String> values) {
        List<String> out = words(field, values, 32, 10).stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String c : out) {
            if (!CHANNELS.contains(c)) {
                throw new Invalid(field + ": '" + shorten(c) + "' is not one of " + CHANNELS);
            }
        }
        return out;
    }

    public static String shorten(String s) {
        if (s == null) {
            return "null";
        }
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
