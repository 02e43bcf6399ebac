package io.quanyu.events.validation;

/**
 * What text the suite accepts: no C0 control characters other than tab, line feed and carriage return, and no
 * unpaired UTF-16 surrogates. PostgreSQL cannot store U+0000 in text at all, and the others are never real
 * content; a string that carries them is refused at the edge instead of failing every reader downstream.
 */
public final class Text {

    private Text() {
    }

    /** Why {@code s} is not acceptable text, or null when it is. */
    public static String problem(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return String.format("contains the control character U+%04X at position %d", (int) c, i);
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return "contains an unpaired UTF-16 surrogate at position " + i;
                }
            }
        }
        return null;
    }

    /** Whether {@code s} is acceptable text. */
    public static boolean ok(String s) {
        return problem(s) == null;
    }
}
