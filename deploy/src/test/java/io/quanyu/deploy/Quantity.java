package io.quanyu.deploy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes resource quantities ("500m", "2", "768Mi", "1Gi") as numbers, to compare requests with limits. */
final class Quantity {

    private static final Pattern Q = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?");
    private static final Map<String, BigDecimal> FACTOR = Map.of(
            "m", new BigDecimal("0.001"), "k", BigDecimal.valueOf(1000L), "M", BigDecimal.valueOf(1000_000L),
            "G", BigDecimal.valueOf(1000_000_000L), "T", BigDecimal.valueOf(1000_000_000_000L),
            "Ki", BigDecimal.valueOf(1L << 10), "Mi", BigDecimal.valueOf(1L << 20), "Gi", BigDecimal.valueOf(1L << 30),
            "Ti", BigDecimal.valueOf(1L << 40));

    private Quantity() {
    }

    static BigDecimal parse(Object value) {
        if (value == null) {
            throw new IllegalArgumentException("no quantity");
        }
        Matcher m = Q.matcher(value.toString().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a quantity: " + value);
        }
        BigDecimal n = new BigDecimal(m.group(1));
        return m.group(2) == null ? n : n.multiply(FACTOR.get(m.group(2)));
    }
}
