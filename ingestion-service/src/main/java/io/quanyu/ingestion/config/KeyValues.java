package io.quanyu.ingestion.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses {@code key=value,key=value} settings (API keys, store zones) with a clear error for a malformed entry. */
public final class KeyValues {

    private KeyValues() {
    }

    public static Map<String, String> parse(String text, String setting) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : text.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0 || eq == entry.length() - 1) {
                // The value may be a secret: name the position, never the text.
                throw new IllegalArgumentException(setting + ": entry " + (out.size() + 1) + " is not key=value");
            }
            out.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
        }
        return out;
    }
}
