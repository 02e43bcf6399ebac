package io.quanyu.events.validation;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
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
        for (Component c : COMPONENTS.get(value.getClass())) {
            Object v = c.read(value);
            if (c.required() && isMissing(v)) {
                checks.missing(c.name());
                continue;
            }
            // Only containers and records have insides; skipping scalars keeps the hot path allocation-free.
            if (v instanceof Collection<?> || v instanceof Validatable || (v != null && v.getClass().isRecord())) {
                walkChild(v, checks.nested(c.name()));
            }
        }
        if (value instanceof Validatable validatable) {
            validatable.check(checks);
        }
    }

    /** A collection (each item walked under its index) or a nested record; scalars never reach here. */
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
        } else {
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

    /** A record component as validation needs it; reflection is read once per class (it is slow). */
    private record Component(String name, boolean required, MethodHandle accessor) {
        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name + " of " + record.getClass().getSimpleName(), e);
            }
        }
    }

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return new Component[0];
            }
            RecordComponent[] rcs = type.getRecordComponents();
            Component[] out = new Component[rcs.length];
            for (int i = 0; i < rcs.length; i++) {
                try {
                    MethodHandle accessor = MethodHandles.publicLookup().unreflect(rcs[i].getAccessor())
                            .asType(MethodType.methodType(Object.class, Object.class));
                    out[i] = new Component(wireName(rcs[i]), rcs[i].isAnnotationPresent(Required.class), accessor);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("record " + type.getName() + " must be public to be validated", e);
                }
            }
            return out;
        }
    };
}
