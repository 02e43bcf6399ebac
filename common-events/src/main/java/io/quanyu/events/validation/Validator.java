package io.quanyu.events.validation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Validates a record tree: every {@link Required} component present (text not blank), nested records and
 * lists of records walked, then each {@link Validatable}'s own rules. Never throws for bad data.
 */
public final class Validator {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private Validator() {
    }

    /** All violations of {@code value}, with JSON paths under {@code root}. Empty when valid. */
    public static List<Violation> validate(Object value, String root) {
        Checks checks = new Checks().nested(root);
        walk(value, checks);
        return checks.violations();
    }

    public static List<Violation> validate(Object value) {
        return validate(value, "");
    }

    static void walk(Object value, Checks checks) {
        if (value == null) {
            return;
        }
        Class<?> type = value.getClass();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                Object v = read(rc, value);
                String name = wireName(rc);
                if (rc.isAnnotationPresent(Required.class) && isMissing(v)) {
                    checks.missing(name);
                    continue;
                }
                walkChild(v, checks.nested(name));
            }
        }
        if (value instanceof Validatable validatable) {
            validatable.check(checks);
        }
    }

    private static void walkChild(Object v, Checks checks) {
        if (v instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                if (item == null) {
                    checks.add("[" + i + "]", io.quanyu.events.ReasonCode.SCHEMA_VIOLATION, "must not be null");
                } else {
                    walk(item, checks.nested("[" + i + "]"));
                }
                i++;
            }
        } else if (v != null && (v.getClass().isRecord() || v instanceof Validatable)) {
            walk(v, checks);
        }
    }

    /** The JSON name of a record component under the shared snake_case convention. */
    public static String wireName(RecordComponent rc) {
        com.fasterxml.jackson.annotation.JsonProperty p = rc.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        if (p == null) {
            p = rc.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
        }
        return p != null && !p.value().isEmpty() ? p.value() : SNAKE.translate(rc.getName());
    }

    private static boolean isMissing(Object v) {
        return v == null
                || (v instanceof CharSequence s && s.toString().isBlank())
                || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    private static Object read(RecordComponent rc, Object value) {
        try {
            return rc.getAccessor().invoke(value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + rc, e);
        }
    }
}
