package io.quanyu.events.validation;

import io.quanyu.events.ReasonCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one input; records add their own range rules through it. */
public final class Checks {

    private final List<Violation> violations;
    private final String prefix;

    public Checks() {
        this(new ArrayList<>(), "");
    }

    private Checks(List<Violation> violations, String prefix) {
        this.violations = violations;
        this.prefix = prefix;
    }

    /** Checks for a nested value: paths get the prefix, violations land in the same list. */
    public Checks nested(String path) {
        return new Checks(violations, join(path));
    }

    public void add(String path, ReasonCode code, String reason) {
        violations.add(new Violation(join(path), code, reason));
    }

    private String join(String path) {
        if (prefix.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? prefix : (path.startsWith("[") ? prefix + path : prefix + "." + path);
    }

    public void missing(String path) {
        add(path, ReasonCode.SCHEMA_VIOLATION, "is required");
    }

    public void positive(String path, Number value) {
        if (value != null && decimal(value).signum() <= 0) {
            add(path, ReasonCode.OUT_OF_RANGE, "must be greater than 0, was " + value);
        }
    }

    public void nonNegative(String path, Number value) {
        if (value != null && decimal(value).signum() < 0) {
            add(path, ReasonCode.OUT_OF_RANGE, "must not be negative, was " + value);
        }
    }

    public void atMost(String path, Number value, Number max) {
        if (value != null && decimal(value).compareTo(decimal(max)) > 0) {
            add(path, ReasonCode.OUT_OF_RANGE, "must be at most " + max + ", was " + value);
        }
    }

    public void between(String path, Number value, long min, long max) {
        if (value != null && (decimal(value).compareTo(BigDecimal.valueOf(min)) < 0
                || decimal(value).compareTo(BigDecimal.valueOf(max)) > 0)) {
            add(path, ReasonCode.OUT_OF_RANGE, "must be between " + min + " and " + max + ", was " + value);
        }
    }

    /** Text with a control character or an unpaired surrogate is refused (see {@link Text}). */
    public void text(String path, String value) {
        String problem = value == null ? null : Text.problem(value);
        if (problem != null) {
            add(path, ReasonCode.INVALID_TEXT, problem);
        }
    }

    /** A {@link Range}: inclusive bounds, either may be null; decimals with absurd scales are refused too. */
    public void range(String path, Number value, BigDecimal min, BigDecimal max) {
        if (value == null) {
            return;
        }
        BigDecimal d = decimal(value);
        if (d.scale() > MAX_SCALE) {
            add(path, ReasonCode.OUT_OF_RANGE, "must have at most " + MAX_SCALE + " decimal places, had " + d.scale());
        } else if ((min != null && d.compareTo(min) < 0) || (max != null && d.compareTo(max) > 0)) {
            add(path, ReasonCode.OUT_OF_RANGE, "must be " + (min == null ? "at most " + max.toPlainString()
                    : max == null ? "at least " + min.toPlainString() : "between " + min.toPlainString() + " and " + max.toPlainString())
                    + ", was " + (d.precision() > 40 ? d.round(new java.math.MathContext(6)) : value));
        }
    }

    /**
     * Decimal places a number may have. Clients compute prices in floating point (0.30000000000000004 has 17), so
     * the limit is generous; it exists because a value such as 1e-999999999 is legal JSON and would take a gigabyte
     * to print in plain notation.
     */
    public static final int MAX_SCALE = 20;

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal b ? b : new BigDecimal(n.toString());
    }

    public List<Violation> violations() {
        return List.copyOf(violations);
    }

    public boolean ok() {
        return violations.isEmpty();
    }
}
