package io.quanyu.console.app;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Number formatting for templates: {value.num(2)}, {value.pct}; anything that is not a number is shown as it is. */
@TemplateExtension
public final class Format {

    private Format() {
    }

    static String num(Object value, int digits) {
        if (!(value instanceof Number n)) {
            return value == null ? "—" : String.valueOf(value);
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.ROOT);
        f.setGroupingUsed(true);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(digits);
        return f.format(new BigDecimal(n.toString()).setScale(digits, RoundingMode.HALF_UP));
    }

    static String pct(Object value) {
        return value instanceof Number n ? num(n.doubleValue() * 100, 1) + " %" : value == null ? "—" : String.valueOf(value);
    }
}
