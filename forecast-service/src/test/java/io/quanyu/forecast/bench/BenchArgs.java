package io.quanyu.forecast.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Minimal {@code --name value} / {@code --name=value} argument parsing for the benches; a bare word is the CSV path. */
final class BenchArgs {

    private final Map<String, String> values = new HashMap<>();
    private String positional;

    BenchArgs(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                if (eq > 0) {
                    values.put(a.substring(2, eq), a.substring(eq + 1));
                } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                    values.put(a.substring(2), args[++i]);
                } else {
                    values.put(a.substring(2), "true");
                }
            } else if (positional == null) {
                positional = a;
            } else {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
        }
    }

    String positional() {
        return positional;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String def) {
        return values.getOrDefault(name, def);
    }

    int getInt(String name, int def) {
        return Integer.parseInt(get(name, Integer.toString(def)));
    }

    double getDouble(String name, double def) {
        return Double.parseDouble(get(name, Double.toString(def)));
    }

    /** A comma-separated list; empty string or "none" gives an empty list. */
    List<String> list(String name, String def) {
        String v = get(name, def).trim();
        if (v.isEmpty() || v.equals("none")) {
            return List.of();
        }
        return Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The sales CSV: the first positional argument, {@code --csv}, or Dominick's OJ in the data directory. */
    java.nio.file.Path csv() {
        return java.nio.file.Path.of(positional() != null ? positional()
                : get("csv", SalesCsv.dataDir().resolve("dominicks-oj/sales.csv").toString()));
    }

    /** The column flags, defaulting to Dominick's layout (units = exp(logmove) unless --qty names another column). */
    SalesCsv.Columns columns() {
        boolean defaultQty = !has("qty");
        return new SalesCsv.Columns(list("keys", "store,brand"), get("period", "week"), get("qty", "logmove"),
                get("qty-transform", defaultQty ? "exp" : "none"), list("price", "price{brand}"), list("promo", "deal,feat"),
                list("other", ""));
    }
}
